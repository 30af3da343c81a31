package org.fairnote.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code fairnote spark-scan}: runs in the Spark module, not here. The {@code ./fairnote} launcher
 * builds and starts that module's job; this command only explains that when the CLI jar is run directly.
 */
@Command(name = "spark-scan", description = "Scan on Apache Spark (run through the ./fairnote launcher).")
public final class SparkScanCommand extends BaseCommand {

    @Unmatched
    List<String> rest = new ArrayList<>();

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    public SparkScanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        throw new UserException("spark-scan runs in the spark module (org.fairnote.spark.SparkScanJob); "
                + "start it with the ./fairnote launcher at the repository root, which builds that module on first use");
    }
}
