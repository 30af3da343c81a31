package org.fairnote.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.fairnote.Screener;

/**
 * What commands run against: the streams, whether they are terminals, and where the base screener
 * comes from (the bundled defaults; tests pass small lexicons instead).
 *
 * @param out            stdout, for reports (bytes, UTF-8)
 * @param err            stderr, for messages, progress and the summary
 * @param in             stdin
 * @param baseScreener   a builder with the default lexicons, rules and model added
 * @param stdoutTerminal whether stdout is a terminal (colours)
 * @param stderrTerminal whether stderr is a terminal (progress bar)
 * @param noColor        the NO_COLOR convention is set
 */
public record CliContext(PrintStream out, PrintWriter err, InputStream in, Supplier<Screener.Builder> baseScreener,
        boolean stdoutTerminal, boolean stderrTerminal, boolean noColor) {

    /** The real process: System streams, bundled defaults. */
    public static CliContext system() {
        boolean terminal = isTerminal();
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        return new CliContext(System.out, err, System.in, () -> Screener.builder().withDefaults(), terminal, terminal,
                System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty());
    }

    /**
     * Whether the process talks to a terminal: {@code System.console() != null}, and on JDK 22+ (where
     * a console exists even when redirected) also {@code Console.isTerminal()}.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // JDK 17 to 21: a console means a terminal
        }
    }
}
