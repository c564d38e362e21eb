package io.github.connectparticipant.camel.chat;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One chat's tasks, run one at a time and in the order they were handed in, on a pool shared by many chats: a chat's
 * state needs no lock, and its items reach the route in order, while hundreds of chats share a few threads.
 */
public final class SerialScheduler {

    private final ScheduledExecutorService pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    public SerialScheduler(ScheduledExecutorService pool) {
        this.pool = pool;
    }

    /** Runs the task after the ones handed in before it. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    /** Hands the task in after the delay. */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return pool.schedule(() -> execute(task), delay, unit);
    }

    /** Hands the task in every period, after a first delay. */
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long delay, long period, TimeUnit unit) {
        return pool.scheduleAtFixedRate(() -> execute(task), delay, period, unit);
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        draining.set(false);
        // a task handed in after the last poll and before the flag was cleared
        if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }
}
