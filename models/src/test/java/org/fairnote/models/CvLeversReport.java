package org.fairnote.models;

import java.nio.file.Path;
import java.util.*;
import java.util.function.*;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import org.fairnote.*;

/**
 * Issue 5 levers measured by 5-fold CV on the training split only (never reads a test note):
 * per-category thresholds (chosen in-sample and, to see whether the choice generalises, nested:
 * chosen on four folds, scored on the fifth), train-only class balance (prior correction of the
 * outputs, subsampling of train-only events, leaving out notes-g) and a separate threshold for model
 * flags that overlap no lexicon finding. A report, not a test; run from the repository root:
 * {@code java -cp <test classpath> org.fairnote.models.CvLeversReport base prior prior:0.5 sub noG}.
 * Findings are recorded in {@code models/TUNING.md}.
 */
public final class CvLeversReport {
    static final double[] T = EvaluateModel.THRESHOLDS;
    static final int NC = Category.values().length;
    static List<Note> notes; static Split split;

    record NoteRes(Note n, List<Finding> mf, List<Finding> cf, List<Finding> lexAll) {}

    public static void main(String[] a) throws Exception {
        Path corpus = Path.of("models/corpus");
        notes = Corpus.read(corpus);
        split = Split.forCorpus(corpus, notes);
        for (String v : a) {
            long t0 = System.nanoTime();
            List<List<NoteRes>> folds = new ArrayList<>();
            for (int f = 0; f < Split.FOLDS; f++) folds.add(null);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<List<NoteRes>>> fut = new ArrayList<>();
            for (int f = 0; f < Split.FOLDS; f++) { int ff = f; fut.add(pool.submit(() -> fold(v, ff))); }
            for (int f = 0; f < Split.FOLDS; f++) folds.set(f, fut.get(f).get());
            pool.shutdown();
            System.out.printf(Locale.ROOT, "=== variant %s (%.0f s)%n", v, (System.nanoTime() - t0) / 1e9);
            report(folds);
        }
    }

    static List<NoteRes> fold(String variant, int f) {
        TrainModel.Params p = TrainModel.DEFAULT;
        List<Note> training = new ArrayList<>(split.outsideFold(notes, f));
        List<Note> evaluated = new ArrayList<>();
        for (Note n : split.fold(notes, f)) { if (n.id().startsWith("D-")) training.add(n); else evaluated.add(n); }
        FairnoteModel m;
        String[] parts = variant.split(":");
        String kind = parts[0];
        double strength = parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0;
        if (kind.equals("base") || kind.equals("prior")) {
            m = TrainModel.train(training, p, "cv");
            if (kind.equals("prior")) {
                List<Event> all = TrainModel.events(training, false, p.featureSpec());
                List<Event> orig = TrainModel.events(training.stream().filter(n -> !n.id().startsWith("D-")).toList(), false, p.featureSpec());
                Map<String, Double> pa = prior(all), po = prior(orig);
                AbstractModel am = (AbstractModel) m.openNlpModel();
                double[] bias = new double[am.getNumOutcomes()];
                for (int o = 0; o < bias.length; o++) { String k = am.getOutcome(o); bias[o] = strength * Math.log(po.get(k) / pa.get(k)); }
                if (f == 0) System.out.println("bias " + Arrays.toString(bias) + " " + pa + " " + po);
                m = m.withOutcomeBias(bias);
            }
        } else {
            // reweight train-only events: "sub" (subsample D- category events to the original category mix), "noG"
            List<Note> origNotes = training.stream().filter(n -> !n.id().startsWith("D-")).toList();
            List<Note> dNotes = training.stream().filter(n -> n.id().startsWith("D-")).toList();
            if (kind.equals("noG")) {
                dNotes = dNotes.stream().filter(n -> !gIds().contains(n.id())).toList();
            }
            List<Event> eo = TrainModel.events(origNotes, false, p.featureSpec());
            List<Event> ed = TrainModel.events(dNotes, false, p.featureSpec());
            List<Event> ev = new ArrayList<>(eo);
            if (kind.equals("sub")) {
                Map<String, Double> po = prior(eo), pd = prior(ed);
                double so = 0, sd = 0;
                for (var e : po.entrySet()) if (!e.getKey().equals("O")) { so += e.getValue(); sd += pd.get(e.getKey()); }
                Map<String, Double> acc = new HashMap<>();
                for (Event e : ed) {
                    String k = e.getOutcome();
                    double w = k.equals("O") ? 1 : Math.pow((po.get(k) / so) / (pd.get(k) / sd), strength);
                    double c = acc.merge(k, w, Double::sum);
                    int times = (int) Math.floor(c) - (int) Math.floor(c - w);
                    for (int i = 0; i < times; i++) ev.add(e);
                }
                if (f == 0) System.out.println("orig " + po + " D " + pd);
            } else ev.addAll(ed);
            AbstractModel am = (AbstractModel) TrainModel.fit(ev, p);
            ModelInfo info = new ModelInfo("x", "0", FairnoteModel.FORMAT_VERSION, Features.VERSION, p.features(), "cv",
                    training.size(), ev.size(), p.algorithm(), p.asMap(), p.threshold(), false, List.of(), "x");
            m = new FairnoteModel(info, am);
        }
        Screener mo = LexiconSupport.contextOnly().classifier(m).modelThreshold(FairnoteModel.FLOOR).build();
        Screener co = LexiconSupport.lexiconsAndContext().classifier(m).modelThreshold(FairnoteModel.FLOOR).build();
        Screener lo = LexiconSupport.lexiconsAndContext().build();
        List<NoteRes> out = new ArrayList<>();
        for (Note n : evaluated) {
            out.add(new NoteRes(n, flags(mo.screen(n.text()).findings()), flags(co.screen(n.text()).findings()),
                    lo.screen(n.text()).findings()));
        }
        return out;
    }

    static Set<String> G;
    static synchronized Set<String> gIds() {
        if (G == null) {
            G = new HashSet<>();
            try { for (String line : java.nio.file.Files.readAllLines(Path.of("models/corpus/notes-g.jsonl"))) {
                int i = line.indexOf("\"id\": \""); if (i >= 0) G.add(line.substring(i + 7, line.indexOf('"', i + 7))); } }
            catch (Exception e) { throw new RuntimeException(e); }
        }
        return G;
    }

    static Map<String, Double> prior(List<Event> ev) {
        Map<String, Double> m = new TreeMap<>();
        for (Event e : ev) m.merge(e.getOutcome(), 1.0, Double::sum);
        m.replaceAll((k, v) -> v / ev.size());
        return m;
    }

    static List<Finding> flags(List<Finding> l) { return l.stream().filter(Finding::isFlag).toList(); }

    /** counts[fold][cat][ti] = {predCorrect, pred, goldFound, gold} for model-only (which=0) or combined (1). */
    static int[][][][] counts(List<List<NoteRes>> folds, int which, Predicate<Finding> extra) {
        int[][][][] c = new int[folds.size()][NC][T.length][4];
        for (int f = 0; f < folds.size(); f++) {
            for (NoteRes r : folds.get(f)) {
                for (int ti = 0; ti < T.length; ti++) {
                    double t = T[ti];
                    List<Finding> fl = (which == 0 ? r.mf : r.cf).stream()
                            .filter(x -> x.source() == Source.LEXICON || x.confidence() >= t || (extra != null && extra.test(x))).toList();
                    SpanMetrics sm = new SpanMetrics();
                    sm.add(r.n, fl);
                    for (int k = 0; k < NC; k++) {
                        c[f][k][ti][0] += sm.predCorrect[k]; c[f][k][ti][1] += sm.pred[k];
                        c[f][k][ti][2] += sm.goldFound[k]; c[f][k][ti][3] += sm.gold[k];
                    }
                }
            }
        }
        return c;
    }

    static double f1(int[] s) { double p = s[1] == 0 ? 0 : (double) s[0] / s[1], r = s[3] == 0 ? 0 : (double) s[2] / s[3]; return p + r == 0 ? 0 : 2 * p * r / (p + r); }
    static double pr(int[] s) { return s[1] == 0 ? 0 : (double) s[0] / s[1]; }
    static double rc(int[] s) { return s[3] == 0 ? 0 : (double) s[2] / s[3]; }

    /** sums counts over folds in set and categories with per-category threshold index. */
    static int[] sum(int[][][][] c, boolean[] folds, int[] tiByCat) {
        int[] s = new int[4];
        for (int f = 0; f < c.length; f++) if (folds[f]) for (int k = 0; k < NC; k++) for (int j = 0; j < 4; j++) s[j] += c[f][k][tiByCat[k]][j];
        return s;
    }

    static boolean[] only(int f) { boolean[] b = new boolean[5]; b[f] = true; return b; }
    static boolean[] except(int f) { boolean[] b = new boolean[5]; Arrays.fill(b, true); if (f >= 0) b[f] = false; return b; }
    static int[] uniform(int ti) { int[] a = new int[NC]; Arrays.fill(a, ti); return a; }

    static String line(String name, int[][][][] mo, int[][][][] co, int[] ti) {
        double mean = 0, mean2 = 0;
        for (int f = 0; f < 5; f++) { mean += f1(sum(mo, only(f), ti)) / 5; mean2 += f1(sum(co, only(f), ti)) / 5; }
        int[] m = sum(mo, except(-1), ti), c = sum(co, except(-1), ti);
        return String.format(Locale.ROOT, "%-28s model F1 %.3f (pooled %.3f) P %.3f R %.3f | comb F1 %.3f P %.3f R %.3f | n %d/%d",
                name, mean, f1(m), pr(m), rc(m), mean2, pr(c), rc(c), m[1], c[1]);
    }

    static int idx(double t) { for (int i = 0; i < T.length; i++) if (Math.abs(T[i] - t) < 1e-9) return i; throw new IllegalArgumentException("" + t); }

    /** per category: index maximising pooled model-only F1 over folds in set, among allowed indices; gain must exceed margin else global. */
    static int[] perCat(int[][][][] mo, boolean[] folds, int[] allowed, int global, double margin) {
        int[] out = new int[NC];
        for (int k = 0; k < NC; k++) {
            int best = global;
            double bf = catF1(mo, folds, k, global);
            for (int ti : allowed) { double v = catF1(mo, folds, k, ti); if (v > bf + margin + 1e-12) { bf = v; best = ti; } }
            out[k] = best;
        }
        return out;
    }
    static double catF1(int[][][][] c, boolean[] folds, int k, int ti) {
        int[] s = new int[4];
        for (int f = 0; f < 5; f++) if (folds[f]) for (int j = 0; j < 4; j++) s[j] += c[f][k][ti][j];
        return f1(s);
    }
    static int globalBest(int[][][][] mo, boolean[] folds) {
        int best = 0; double bf = -1;
        for (int ti = 0; ti < T.length; ti++) { double v = f1(sum(mo, folds, uniform(ti))); if (v > bf + 1e-12) { bf = v; best = ti; } }
        return best;
    }

    /** Lexicon-only CV precision over the folds in the set, minus 0.05: the rule's precision floor. */
    static double floor(List<List<NoteRes>> folds, boolean[] in) {
        SpanMetrics lx = new SpanMetrics();
        for (int f = 0; f < folds.size(); f++) if (in[f]) for (NoteRes r : folds.get(f)) lx.add(r.n, flags(r.lexAll));
        return lx.precision() - EvaluateModel.PRECISION_MARGIN;
    }

    /** Threshold vector (uniform or per category, grid) with the best pooled micro model-only F1 whose pooled P >= floor. */
    static int[] bestUnderFloor(int[][][][] mo, boolean[] in, double floor, int[] grid, boolean perCategory) {
        int[] best = null; double bf = -1; double bestP = -1; int[] mostPrecise = null;
        int g = grid.length;
        int combos = perCategory ? (int) Math.pow(g, NC) : g;
        int[] v = new int[NC];
        for (int code = 0; code < combos; code++) {
            if (perCategory) { int c = code; for (int k = 0; k < NC; k++) { v[k] = grid[c % g]; c /= g; } }
            else Arrays.fill(v, grid[code]);
            int[] s = sum(mo, in, v);
            double p = pr(s), f = f1(s);
            if (p > bestP) { bestP = p; mostPrecise = v.clone(); }
            if (p >= floor && f > bf + 1e-12) { bf = f; best = v.clone(); }
        }
        return best != null ? best : mostPrecise;
    }

    static String th(int[] v) { StringBuilder b = new StringBuilder(); for (int x : v) b.append(String.format(Locale.ROOT, "%.2f ", T[x])); return b.toString(); }

    static void constrained(int[][][][] mo, int[][][][] co, List<List<NoteRes>> folds) {
        int[] fine = new int[T.length]; for (int i = 0; i < T.length; i++) fine[i] = i;
        int[] coarse = {idx(0.3), idx(0.45), idx(0.6)};
        int[] coarse2 = {idx(0.4), idx(0.55), idx(0.7)};
        double fl = floor(folds, except(-1));
        System.out.printf(Locale.ROOT, "precision floor (all folds) %.3f%n", fl);
        String[] names = {"uniform fine", "percat fine", "percat coarse .3/.45/.6", "percat coarse .4/.55/.7"};
        int[][] grids = {fine, fine, coarse, coarse2};
        boolean[] pc = {false, true, true, true};
        for (int i = 0; i < names.length; i++) {
            int[] ins = bestUnderFloor(mo, except(-1), fl, grids[i], pc[i]);
            System.out.println(line("floor " + names[i] + " in-sample", mo, co, ins) + "  thr " + th(ins));
            double mf = 0; int[] ms = new int[4], cs = new int[4]; StringBuilder per = new StringBuilder();
            for (int f = 0; f < 5; f++) {
                int[] sel = bestUnderFloor(mo, except(f), floor(folds, except(f)), grids[i], pc[i]);
                int[] a = sum(mo, only(f), sel), b = sum(co, only(f), sel);
                mf += f1(a) / 5; for (int j = 0; j < 4; j++) { ms[j] += a[j]; cs[j] += b[j]; }
                per.append(String.format(Locale.ROOT, " [%s] %.4f", th(sel).trim(), f1(a)));
            }
            System.out.printf(Locale.ROOT, "  nested: model F1 %.3f P %.3f R %.3f | comb F1(pooled) %.3f P %.3f R %.3f |%s%n",
                    mf, pr(ms), rc(ms), f1(cs), pr(cs), rc(cs), per);
        }
    }

    static void report(List<List<NoteRes>> folds) {
        int[][][][] mo = counts(folds, 0, null), co = counts(folds, 1, null);
        { SpanMetrics lx = new SpanMetrics(); for (var fl : folds) for (NoteRes r : fl) lx.add(r.n, flags(r.lexAll));
          System.out.println("lexicon-only CV (scored training notes): " + lx); }
        if (System.getProperty("lexonly") != null) return;
        for (int ti = 0; ti < T.length; ti++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "folds %.2f:", T[ti]));
            for (int f = 0; f < 5; f++) sb.append(String.format(Locale.ROOT, " %.4f", f1(sum(mo, only(f), uniform(ti)))));
            System.out.println(sb);
        }
        for (int ti = 0; ti < T.length; ti++) System.out.println(line(String.format(Locale.ROOT, "global %.2f", T[ti]), mo, co, uniform(ti)));
        System.out.println("per-category model-only F1 (pooled) by threshold; fold sd at 0.45:");
        for (int k = 0; k < NC; k++) {
            StringBuilder sb = new StringBuilder(String.format("%-22s", Category.values()[k]));
            for (int ti = 0; ti < T.length; ti++) {
                int[] s = new int[4]; for (int f = 0; f < 5; f++) for (int j = 0; j < 4; j++) s[j] += mo[f][k][ti][j];
                sb.append(String.format(Locale.ROOT, " %.2f:%.3f(P%.2f)", T[ti], f1(s), pr(s)));
            }
            double m = 0, m2 = 0; int ti = idx(0.45);
            for (int f = 0; f < 5; f++) { double v = catF1(mo, only(f), k, ti); m += v; m2 += v * v; }
            m /= 5; sb.append(String.format(Locale.ROOT, "  sd %.3f", Math.sqrt((m2 - 5 * m * m) / 4)));
            System.out.println(sb);
        }
        int g = idx(0.45);
        int[] fine = new int[T.length]; for (int i = 0; i < T.length; i++) fine[i] = i;
        int[] coarse = {idx(0.3), idx(0.45), idx(0.6)};
        for (double margin : new double[] {0, 0.01, 0.02}) {
            for (int[] grid : new int[][] {fine, coarse}) {
                String name = (grid == fine ? "fine" : "coarse") + String.format(Locale.ROOT, " m%.2f", margin);
                int[] ins = perCat(mo, except(-1), grid, g, margin);
                StringBuilder th = new StringBuilder();
                for (int k = 0; k < NC; k++) th.append(String.format(Locale.ROOT, "%.2f ", T[ins[k]]));
                System.out.println(line("percat " + name + " in-sample", mo, co, ins) + "  thr " + th);
                // nested: choose on other 4 folds, score held-out fold
                int[][][][] mn = new int[5][][][]; int[][][][] cn = new int[5][][][];
                double mf = 0, cf = 0; int[] ms = new int[4], cs = new int[4];
                double gf = 0; int[] gs = new int[4];
                for (int f = 0; f < 5; f++) {
                    int gb = globalBest(mo, except(f));
                    int[] sel = perCat(mo, except(f), grid, gb, margin);
                    int[] a = sum(mo, only(f), sel), b = sum(co, only(f), sel), gg = sum(mo, only(f), uniform(gb));
                    mf += f1(a) / 5; cf += f1(b) / 5; gf += f1(gg) / 5;
                    for (int j = 0; j < 4; j++) { ms[j] += a[j]; cs[j] += b[j]; gs[j] += gg[j]; }
                }
                System.out.printf(Locale.ROOT, "  nested: percat model F1 %.3f P %.3f R %.3f | comb F1(pooled) %.3f P %.3f R %.3f || nested global-best model F1 %.3f P %.3f R %.3f%n",
                        mf, pr(ms), rc(ms), f1(cs), pr(cs), rc(cs), gf, pr(gs), rc(gs));
            }
        }
        constrained(mo, co, folds);
        // lever c: combined, model flags that overlap no lexicon finding (any category/assertion) need a higher threshold
        for (double hi : new double[] {0.6, 0.7, 0.8}) {
            int[] s = new int[4];
            int nolex = 0, nolexTrue = 0, lexov = 0, lexovTrue = 0;
            for (var fl : folds) for (NoteRes r : fl) {
                List<Finding> kept = new ArrayList<>();
                for (Finding x : r.cf) {
                    if (x.source() == Source.LEXICON) { kept.add(x); continue; }
                    boolean ov = r.lexAll.stream().anyMatch(l -> l.start() < x.end() && x.start() < l.end());
                    boolean ok = r.n.spans().stream().anyMatch(sp -> sp.category() == x.category() && sp.overlaps(x.start(), x.end()));
                    if (x.confidence() >= 0.45) { if (ov) { lexov++; if (ok) lexovTrue++; } else { nolex++; if (ok) nolexTrue++; } }
                    if (x.confidence() >= (ov ? 0.45 : hi)) kept.add(x);
                }
                SpanMetrics sm = new SpanMetrics(); sm.add(r.n, kept);
                for (int k = 0; k < NC; k++) { s[0] += sm.predCorrect[k]; s[1] += sm.pred[k]; s[2] += sm.goldFound[k]; s[3] += sm.gold[k]; }
            }
            System.out.printf(Locale.ROOT, "lever c: no-lexicon model flags need >= %.2f: comb F1 %.3f P %.3f R %.3f  (at 0.45 combined model flags: overlapping a lexicon finding %d (%d true), none %d (%d true))%n",
                    hi, f1(s), pr(s), rc(s), lexov, lexovTrue, nolex, nolexTrue);
        }
    }
}
