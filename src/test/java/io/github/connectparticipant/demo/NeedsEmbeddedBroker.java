package io.github.connectparticipant.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * A test class that starts the embedded Artemis broker: skipped, and reported so, on the Java versions where it does
 * not start (Java 24 and later: {@link EmbeddedBroker#UNSUPPORTED_JAVA}, the same rule as
 * {@link EmbeddedBroker#startsOnThisJava()}). Inherited, so that a support class can carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DisabledForJreRange(min = JRE.JAVA_24, disabledReason = EmbeddedBroker.UNSUPPORTED_JAVA)
public @interface NeedsEmbeddedBroker {
}
