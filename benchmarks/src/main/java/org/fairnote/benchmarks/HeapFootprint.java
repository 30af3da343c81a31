package org.fairnote.benchmarks;

import java.util.List;
import org.fairnote.Screener;
import org.fairnote.lexicon.Lexicon;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap retained by a built screener (default, 10x, 100x lexicons), measured with JOL's
 * {@link GraphLayout} (every object reachable from the screener, including the lexicon entries and
 * their examples), and cross-checked with the used heap after GC before and after building.
 * {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar org.fairnote.benchmarks.HeapFootprint}
 */
public final class HeapFootprint {
    private HeapFootprint() {
    }

    public static void main(String[] args) {
        List<Lexicon> base = Lexicons.bundled();
        {
            long before = usedAfterGc();
            Screener s = Screener.createDefault();
            long after = usedAfterGc();
            GraphLayout layout = GraphLayout.parseInstance(s);
            System.out.printf("createDefault (with model: %s) entries=%d jol_retained_bytes=%d jol_objects=%d "
                    + "heap_delta_bytes=%d%n", s.versions().containsKey("fairnote-model"), s.entries().size(),
                    layout.totalSize(), layout.totalCount(), after - before);
        }
        for (Lexicons.Size size : Lexicons.Size.values()) {
            long before = usedAfterGc();
            Screener s = Lexicons.screener(base, size);
            long after = usedAfterGc();
            GraphLayout layout = GraphLayout.parseInstance(s);
            System.out.printf("lexicon=%s entries=%d jol_retained_bytes=%d jol_objects=%d heap_delta_bytes=%d%n", size,
                    s.entries().size(), layout.totalSize(), layout.totalCount(), after - before);
            if (args.length > 0 && args[0].equals("--footprint")) {
                System.out.println(layout.toFootprint());
            }
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
