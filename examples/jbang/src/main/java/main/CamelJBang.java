package main;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command: what camel-jbang-main's {@code CamelJBang.java} script runs under JBang, Camel JBang's
 * entry point with the command line's arguments.
 */
public final class CamelJBang {

    private CamelJBang() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
