package org.fairnote.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.fairnote.Finding;
import org.fairnote.Screener;

/**
 * The check that a speed change left the findings alone: screens, with {@link Screener#createDefault()}
 * (lexicons and model), every {@code text} of the JSONL files under the given folders (default
 * {@code models/corpus} and {@code models/dev}) and the first 3,000 benchmark notes, plain and varied
 * (with rare words and slips, {@link NoteCorpus#variedNotes}), and prints how
 * many notes and findings there were and a SHA-256 of every finding in order. Run it with the jar
 * of each build and compare the lines; {@code -Dout=F} also writes the findings, a line each, for a diff.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fairnote.benchmarks.FindingsDigest [folder ...]
 * </pre>
 *
 * <p>The findings written hold note text: use it on invented notes only, as these are.
 */
public final class FindingsDigest {
    private static final int BENCHMARK_NOTES = 3000;

    private FindingsDigest() {
    }

    public static void main(String[] args) throws Exception {
        List<String> folders = args.length > 0 ? List.of(args) : List.of("models/corpus", "models/dev");
        List<String> texts = new ArrayList<>();
        for (String folder : folders) {
            texts.addAll(jsonlTexts(Path.of(folder)));
        }
        int fromFolders = texts.size();
        texts.addAll(Notes.of(2048).subList(0, BENCHMARK_NOTES));
        texts.addAll(Notes.varied(2048).subList(0, BENCHMARK_NOTES));

        Screener screener = Screener.createDefault();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String out = System.getProperty("out");
        long findings = 0;
        try (Writer writer = out == null ? Writer.nullWriter() : Files.newBufferedWriter(Path.of(out))) {
            for (int n = 0; n < texts.size(); n++) {
                for (Finding f : screener.screen(texts.get(n)).findings()) {
                    String line = n + " " + f + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    writer.write(line);
                    findings++;
                }
            }
        }
        System.out.printf("notes %d (%d from %s, %d benchmark notes, %d varied), findings %d, sha256 %s%n", texts.size(),
                fromFolders, String.join(" ", folders), BENCHMARK_NOTES, BENCHMARK_NOTES, findings,
                HexFormat.of().formatHex(sha.digest()));
    }

    private static List<String> jsonlTexts(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode text;
                try {
                    text = json.readTree(lines.get(i)).get("text");
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a JSON record", e);
                }
                if (text == null || !text.isTextual()) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": no text field");
                }
                texts.add(text.asText());
            }
        }
        return texts;
    }
}
