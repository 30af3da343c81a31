package org.fairnote.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairnote.Screener;
import org.fairnote.spark.SparkTestSupport.Note;

/**
 * Measures local throughput for spark/README.md (not a test): the generated corpus screened by
 * FairnoteSpark in local[2] against the plain core Screener on 2 threads.
 * Args: [notes (default 40000)] [rounds (default 3)].
 */
public final class ThroughputMain {

    private ThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Note> notes = SparkTestSupport.generatedCorpus(n, 7);
        long bytes = 0;
        long chars = 0;
        for (Note note : notes) {
            bytes += note.text().getBytes(StandardCharsets.UTF_8).length;
            chars += note.text().length();
        }
        System.out.printf("corpus: %d notes, %.1f MB UTF-8 (%d chars), JDK %s, screener %s%n", n, bytes / 1e6, chars,
                Runtime.version(), SparkTestSupport.screenerFactory().key());
        Screener screener = SparkTestSupport.screener();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                int part = p;
                parts.add(pool.submit(() -> {
                    long findings = 0;
                    for (int i = part; i < notes.size(); i += 2) {
                        findings += screener.screen(notes.get(i).text()).findings().size();
                    }
                    return findings;
                }));
            }
            long findings = 0;
            for (Future<Long> f : parts) {
                findings += f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("core Screener, 2 threads: %.2f s, %.1f MB/s, %d findings%n", s, bytes / 1e6 / s, findings);
        }
        pool.shutdown();

        SparkSession spark = SparkTestSupport.startSession("throughput");
        Dataset<Row> input = SparkTestSupport.dataset(spark, notes, 8).cache();
        input.count();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long findings = FairnoteSpark.screen(input, "id", "text", SparkTestSupport.options()).count();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("FairnoteSpark local[2] (cached input, count): %.2f s, %.1f MB/s, %d findings%n", s,
                    bytes / 1e6 / s, findings);
        }
        spark.stop();
    }
}
