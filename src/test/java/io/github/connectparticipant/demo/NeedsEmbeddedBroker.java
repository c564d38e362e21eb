package io.github.connectparticipant.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A test class that starts the embedded Artemis broker: skipped, and reported so, on the Java versions where it does
 * not start (Java 24 and later: {@link EmbeddedBroker#UNSUPPORTED_JAVA}), as {@link EmbeddedBroker#startsOnThisJava()}
 * tells: the rule is in one place. Inherited, so that a support class can carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EnabledIf(value = "io.github.connectparticipant.demo.EmbeddedBroker#startsOnThisJava",
        disabledReason = EmbeddedBroker.UNSUPPORTED_JAVA)
public @interface NeedsEmbeddedBroker {
}
