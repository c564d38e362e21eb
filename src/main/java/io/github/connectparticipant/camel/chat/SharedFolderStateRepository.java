package io.github.connectparticipant.camel.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} that several JVMs share: each key is a file of a folder they all see (a local folder for
 * processes on one machine, a ReadWriteMany volume for the pods of a Kubernetes deployment), read afresh on every
 * {@link #getState} and replaced whole and atomically on every {@link #setState} (written aside, then moved over it),
 * so that a reader sees the last value written or the one before, never a part. Camel's FileStateRepository keeps
 * every key in one file that it reads once, when it starts: a JVM never sees what another wrote after that. The empty
 * value removes the key's file.
 */
public class SharedFolderStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Path folder;

    /** Keeps the keys in this folder, made when it starts if it is not there. */
    public SharedFolderStateRepository(Path folder) {
        this.folder = folder;
    }

    /** For camel-main and YAML beans: the folder as a path. */
    public SharedFolderStateRepository(String folder) {
        this(Path.of(folder));
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(folder);
    }

    @Override
    public String getState(String key) {
        try {
            return Files.readString(fileOf(key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("The shared state " + folder + " could not be read", e);
        }
    }

    @Override
    public void setState(String key, String value) {
        Path file = fileOf(key);
        try {
            if (value == null || value.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path aside = Files.createTempFile(folder, ".write-", ".tmp");
            try {
                Files.writeString(aside, value, StandardCharsets.UTF_8);
                moveOver(aside, file);
            } finally {
                Files.deleteIfExists(aside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The shared state " + folder + " could not be written", e);
        }
    }

    private static void moveOver(Path aside, Path file) throws IOException {
        try {
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the shared folder cannot replace a file atomically, so readers could see part of"
                    + " a value: use a local or POSIX file system", e);
        }
    }

    /** A key's file: its name encoded so that any key is one safe file name. */
    private Path fileOf(String key) {
        return folder.resolve(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }
}
