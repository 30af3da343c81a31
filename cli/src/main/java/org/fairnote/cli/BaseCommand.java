package org.fairnote.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** Options every command has. */
public abstract class BaseCommand implements Callable<Integer> {

    protected final CliContext ctx;

    @Option(names = "--debug", description = "Show stack traces of errors (never note text).")
    boolean debug;

    protected BaseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    public boolean debug() {
        return debug;
    }
}
