package org.fairnote.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A/B of two builds in one JVM, for a shared machine whose speed drifts between runs: each
 * benchmarks jar is loaded in its own class loader, and the two screen the same 2 KB notes in
 * alternating slices of 300 notes, timed by thread CPU time. Reports the median MB/s of each and
 * their ratio; a ratio within about 5 % of 1 is noise, and it has read changes larger than JMH
 * forks of each build did (confirm with JMH forks back to back). The notes are the benchmark's
 * own, or, given a folder of JSONL files with a {@code text} field (such as {@code models/corpus}),
 * those texts joined into notes of at least 2 KB: notes dense with flagged wording; or
 * {@code varied}, the benchmark notes with rare words in their neutral prose
 * ({@link NoteCorpus#variedNotes}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fairnote.benchmarks.SameJvmAB A.jar B.jar \
 *     [screen|model|tokenize|match] [slices] [jsonl-folder|varied]
 * </pre>
 *
 * <p>One JVM is not enough on its own: each build's hot loops are compiled in that JVM, and C2 does
 * not always compile them alike (inlining depends on what was compiled first), so two copies of one
 * jar differed by up to 9 % in one JVM on 2026-12-07. With {@code -Dab.forks=N} the A/B runs in N
 * fresh JVMs, the jars' order swapped in every other one, and reports each fork's B/A and their
 * median: the measure to decide by.
 *
 * <p>{@code screen}: the full screening, as {@code ScreenBenchmark}; {@code model}: the same with the
 * bundled model, {@code Screener.createDefault()}; {@code tokenize}: tokenising with
 * the vocabulary lookup; {@code match}: tokenise, split and the entry automaton, as {@link MatchBenchmark}.
 */
public final class SameJvmAB {
    private static final int SLICE = 300;

    private interface Run {
        void screen(String note) throws Throwable;
    }

    private SameJvmAB() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: SameJvmAB A.jar B.jar [screen|model|tokenize|match] [slices] [jsonl-folder|varied]");
            System.exit(2);
        }
        int forks = Integer.getInteger("ab.forks", 1);
        if (forks > 1) {
            forked(args, forks);
            return;
        }
        String what = args.length > 2 ? args[2] : "screen";
        int slices = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        URLClassLoader loaderA = loader(args[0]);
        URLClassLoader loaderB = loader(args[1]);
        Run a = load(loaderA, what);
        Run b = load(loaderB, what);
        List<String> notes = args.length <= 4 ? Notes.of(2048)
                : args[4].equals("varied") ? Notes.varied(2048) : joinedTexts(Path.of(args[4]));
        for (int k = 0; k < 3 * SLICE; k++) {
            a.screen(notes.get(k % notes.size()));
            b.screen(notes.get(k % notes.size()));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] mbsA = new double[slices];
        double[] mbsB = new double[slices];
        int position = 0;
        for (int k = 0; k < slices; k++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean first = (k + turn) % 2 == 0; // alternate which build goes first
                Run run = first ? a : b;
                long bytes = 0;
                long start = cpu.getCurrentThreadCpuTime();
                for (int q = 0; q < SLICE; q++) {
                    String note = notes.get((position + q) % notes.size());
                    bytes += note.length();
                    run.screen(note);
                }
                double mbs = bytes / 1e3 / ((cpu.getCurrentThreadCpuTime() - start) / 1e6);
                (first ? mbsA : mbsB)[k] = mbs;
            }
            position += SLICE;
        }
        Arrays.sort(mbsA);
        Arrays.sort(mbsB);
        double medianA = mbsA[slices / 2];
        double medianB = mbsB[slices / 2];
        System.out.printf("%s, %d slices of %d notes: A %.1f MB/s (p25 %.1f, p75 %.1f), B %.1f MB/s (p25 %.1f, p75 %.1f),"
                + " B/A %.3f%n", what, slices, SLICE, medianA, mbsA[slices / 4], mbsA[3 * slices / 4], medianB,
                mbsB[slices / 4], mbsB[3 * slices / 4], medianB / medianA);
    }

    /**
     * Runs the A/B in {@code forks} child JVMs, A and B swapped in every other one, and prints each
     * fork's B/A (from its last line) and the median.
     */
    private static void forked(String[] args, int forks) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] ratios = new double[forks];
        for (int f = 0; f < forks; f++) {
            boolean swapped = f % 2 == 1;
            // A fixed, pre-touched heap: else the first touch of each heap page, a kernel page fault,
            // falls inside the timed slices for as long as the young generation moves to new regions.
            List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
                    "-cp", System.getProperty("java.class.path"), SameJvmAB.class.getName()));
            String[] forkArgs = args.clone();
            if (swapped) {
                forkArgs[0] = args[1];
                forkArgs[1] = args[0];
            }
            command.addAll(List.of(forkArgs));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (child.waitFor() != 0 || !output.contains("B/A ")) {
                throw new IllegalStateException("fork " + f + " failed:\n" + output);
            }
            double ratio = Double.parseDouble(output.substring(output.lastIndexOf("B/A ") + 4).trim());
            ratios[f] = swapped ? 1 / ratio : ratio;
            System.out.printf("fork %d (%s first): B/A %.3f%n", f, swapped ? "B" : "A", ratios[f]);
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = forks % 2 == 1 ? sorted[forks / 2] : Math.sqrt(sorted[forks / 2 - 1] * sorted[forks / 2]);
        System.out.printf("%d forks: B/A median %.3f (min %.3f, max %.3f)%n", forks, median, sorted[0], sorted[forks - 1]);
    }

    /**
     * Lexicon matching without the rest of a screening (context, sections, findings): what
     * {@link MatchBenchmark} times (tokenise, split, every entry pattern and cue), from the jar's own classes.
     */
    private static Run matchOnly(ClassLoader loader) throws Throwable {
        Class<?> benchmark = loader.loadClass(MatchBenchmark.class.getName());
        Class<?> buffersClass = loader.loadClass(MatchBenchmark.Buffers.class.getName());
        Class<?> size = loader.loadClass(Lexicons.Size.class.getName());
        Object bench = benchmark.getConstructor().newInstance();
        benchmark.getField("noteSize").setInt(bench, 2048);
        benchmark.getField("lexicon").set(bench, size.getField("DEFAULT").get(null));
        benchmark.getMethod("setup").invoke(bench);
        Object buffers = buffersClass.getConstructor().newInstance();
        buffersClass.getMethod("setup", benchmark).invoke(buffers, bench);
        java.lang.reflect.Method run = benchmark.getDeclaredMethod("run", String.class, buffersClass);
        run.setAccessible(true);
        MethodHandle handle = MethodHandles.lookup().unreflect(run).bindTo(bench);
        return note -> handle.invoke(note, buffers);
    }

    /** The {@code text} of every record in the folder's JSONL files, joined into notes of at least 2 KB. */
    private static List<String> joinedTexts(Path folder) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> notes = new java.util.ArrayList<>();
        StringBuilder note = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    note.append(json.readTree(line).get("text").asText()).append("\n\n");
                    if (note.length() >= 2048) {
                        notes.add(note.toString());
                        note.setLength(0);
                    }
                }
            }
        }
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("no JSONL texts of 2 KB in " + folder);
        }
        return notes;
    }

    private static URLClassLoader loader(String jar) throws Exception {
        return new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** A screener (or tokenizer) of the default lexicons, built by the jar's own classes. */
    private static Run load(ClassLoader loader, String what) throws Throwable {
        Class<?> lexicons = loader.loadClass(Lexicons.class.getName());
        Class<?> size = loader.loadClass(Lexicons.Size.class.getName());
        Object bundled = lexicons.getMethod("bundled").invoke(null);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        if (what.equals("model")) {
            Class<?> screenerClass = loader.loadClass("org.fairnote.Screener");
            Object screener = screenerClass.getMethod("createDefault").invoke(null);
            MethodHandle screen = lookup.findVirtual(screenerClass, "screen",
                    MethodType.methodType(loader.loadClass("org.fairnote.Screening"), CharSequence.class))
                    .bindTo(screener);
            return note -> screen.invoke((CharSequence) note);
        }
        if (what.equals("screen")) {
            Object defaultSize = size.getField("DEFAULT").get(null);
            Object screener = lexicons.getMethod("screener", List.class, size).invoke(null, bundled, defaultSize);
            MethodHandle screen = lookup.findVirtual(screener.getClass(), "screen",
                    MethodType.methodType(loader.loadClass("org.fairnote.Screening"), CharSequence.class))
                    .bindTo(screener);
            return note -> screen.invoke((CharSequence) note);
        }
        if (what.equals("match")) {
            return matchOnly(loader);
        }
        if (!what.equals("tokenize")) {
            throw new IllegalArgumentException("unknown measure '" + what + "': screen, model, tokenize or match");
        }
        Object patterns = lexicons.getMethod("entryPatterns", List.class).invoke(null, bundled);
        Object compiled = lexicons.getMethod("compile", List.class).invoke(null, patterns);
        Object tokenizer = compiled.getClass().getMethod("tokenizer").invoke(compiled);
        Object vocabulary = compiled.getClass().getMethod("vocabulary").invoke(compiled);
        Object scratch = vocabulary.getClass().getMethod("newScratch").invoke(vocabulary);
        Class<?> buffer = loader.loadClass("org.fairnote.text.TokenBuffer");
        Object tokens = buffer.getConstructor(int.class).newInstance(4096);
        MethodHandle tokenize = lookup.findVirtual(tokenizer.getClass(), "tokenize", MethodType.methodType(void.class,
                CharSequence.class, buffer, loader.loadClass("org.fairnote.text.TermResolver$Scratch")));
        return note -> tokenize.invoke(tokenizer, (CharSequence) note, tokens, scratch);
    }
}
