package org.fairnote.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.fairnote.Screener;
import org.fairnote.lexicons.BundledLexicons;
import org.fairnote.lexicons.LexiconReader;

/**
 * Not a test: measures {@code scan} of N invented 2 KB notes in JSONL against the raw core throughput
 * with the same screener and thread count. Run (after {@code mvn -pl cli test-compile}):
 *
 * <pre>
 * java -cp "$(cat cli/target/test-classpath.txt):cli/target/classes:cli/target/test-classes" \
 *     org.fairnote.cli.ThroughputBenchmark /tmp/fairnote-bench.jsonl 100000
 * </pre>
 *
 * The notes are generated into the given file (not committed). The screener is the bundled default
 * when it loads, else every bundled lexicon file that loads plus the bundled rules and sections.
 */
public final class ThroughputBenchmark {

    private static final String[] NEUTRAL = {
        "Seen at home today with her sister present.", "Mood described as low but reactive.",
        "Sleeping around six hours a night with some early waking.", "Eating regular meals; weight stable.",
        "Discussed coping strategies including the distraction box and grounding.",
        "Medication reviewed: sertraline 100mg once daily, no side effects reported.",
        "Denies current thoughts of ending her life; protective factors are her children and her dog.",
        "Plan to continue weekly contact with the care coordinator.", "Attended the group on Tuesday.",
        "Physical health checks completed; BP 122/80.", "Agreed to contact the crisis line if distress increases.",
        "Her GP has been updated by letter.", "She said the last week has been difficult at work.",
    };
    private static final String[] HARMFUL = {
        "She is attention-seeking and manipulative on the ward.", "Do not convey to ED if she calls again.",
        "Further calls will result in arrest.", "PC Smith to attend the weekly care plan review.",
        "He claims to have taken 20 tablets.", "Staff not to engage with her demands.",
        "She is a frequent flyer at A&E.", "Police mentor will co-facilitate the sessions.",
    };

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/fairnote-bench.jsonl");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        generate(file, n);
        Supplier<Screener.Builder> base = screenerSource();
        Screener screener = base.get().build();
        List<String> texts = new ArrayList<>(n);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            texts.add(mapper.readTree(line).get("text").asText());
        }
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "%d notes, %.1f MB, %d threads, %d lexicon entries, %s%n", n, bytes / 1e6,
                threads, screener.entries().size(), System.getProperty("java.version"));
        double core = 0;
        double cli = 0;
        for (int round = 0; round < 3; round++) {
            double c = core(screener, texts, threads);
            double s = cli(base, file, threads);
            core = Math.max(core, c);
            cli = Math.max(cli, s);
            System.out.printf(Locale.ROOT, "round %d: core %.0f notes/s, cli scan %.0f notes/s%n", round + 1, c, s);
        }
        System.out.printf(Locale.ROOT, "best: core %.0f notes/s, cli scan %.0f notes/s = %.0f%% of core%n", core, cli,
                100 * cli / core);
    }

    static double core(Screener screener, List<String> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<Long>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                long found = 0;
                int i;
                while ((i = next.getAndIncrement()) < texts.size()) {
                    found += screener.screen(texts.get(i)).findings().size();
                }
                return found;
            }));
        }
        for (Future<Long> f : fs) {
            f.get();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return texts.size() / secs;
    }

    static double cli(Supplier<Screener.Builder> base, Path file, int threads) throws IOException {
        Path out = Files.createTempFile("fairnote-bench-out", ".jsonl");
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintWriter(new StringWriter()),
                InputStream.nullInputStream(), base, false, false, true);
        long t0 = System.nanoTime();
        int code = FairnoteCli.run(ctx, "scan", file.toString(), "-f", "jsonl", "-o", out.toString(), "-q",
                "--threads", Integer.toString(threads));
        double secs = (System.nanoTime() - t0) / 1e9;
        long lines;
        try (var s = Files.lines(out)) {
            lines = s.count();
        }
        Files.delete(out);
        if (code == ExitCodes.ERROR) {
            throw new IllegalStateException("scan failed");
        }
        return lines / secs;
    }

    /** The default screener when it loads, else the bundled files that load. */
    static Supplier<Screener.Builder> screenerSource() {
        try {
            Screener.createDefault();
            return () -> Screener.builder().withDefaults();
        } catch (RuntimeException | Error e) {
            System.out.println("(default screener does not load: " + e + "; using the bundled files that load)");
        }
        return () -> {
            Screener.Builder b = Screener.builder();
            for (String f : BundledLexicons.LEXICON_FILES) {
                try (InputStream in = BundledLexicons.class.getResourceAsStream("/org/fairnote/lexicons/" + f)) {
                    if (in != null) {
                        b.addLexicon(LexiconReader.readLexicon(in, f));
                    }
                } catch (IOException | RuntimeException e) {
                    System.out.println("skipping " + f + ": " + e.getMessage());
                }
            }
            try (InputStream c = BundledLexicons.class.getResourceAsStream("/org/fairnote/lexicons/context-rules.json");
                    InputStream s = BundledLexicons.class.getResourceAsStream("/org/fairnote/lexicons/sections.json")) {
                var rules = LexiconReader.readContextRules(c, "context-rules.json");
                var sections = LexiconReader.readSectionRules(s, "sections.json");
                b.addContextRules(rules.rules()).version(rules.name(), rules.version());
                b.addSectionRules(sections.rules()).version(sections.name(), sections.version());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return b;
        };
    }

    static void generate(Path file, int n) throws IOException {
        if (Files.exists(file)) {
            try (var s = Files.lines(file)) {
                if (s.count() == n) {
                    return;
                }
            }
        }
        Random random = new Random(20261122);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder(2100);
                sb.append("PROGRESS NOTE\nSummary\n");
                while (sb.length() < 2000) {
                    String s = random.nextInt(10) == 0 ? HARMFUL[random.nextInt(HARMFUL.length)]
                            : NEUTRAL[random.nextInt(NEUTRAL.length)];
                    sb.append(s).append(random.nextInt(6) == 0 ? "\n" : " ");
                }
                w.write(mapper.writeValueAsString(java.util.Map.of("id", "bench-" + i, "text", sb.toString())));
                w.write('\n');
            }
        }
    }
}
