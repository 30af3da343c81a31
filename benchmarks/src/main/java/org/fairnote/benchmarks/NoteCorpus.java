package org.fairnote.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A seeded, deterministic generator of invented UK mental-health case notes, built from sentence
 * fragments written here (no real patient text). A note has a date line, section headings,
 * bullets and sentences; a controlled share of sentences carries wording the default lexicons flag
 * ("hits"), another share carries near misses ("distractors": negated, reported, historical or
 * neutral uses of the same words), the rest is neutral clinical prose.
 *
 * <p>The text is plain ASCII with single spaces inside sentences and no hyphenated, joined or
 * contracted forms of lexicon wording, so that the literal-phrase peers (regex, Aho-Corasick,
 * indexOf, Lucene Monitor), which do no normalisation, find exactly what the engine finds. Every
 * line break follows punctuation, so no phrase runs across one.
 *
 * <p>Its neutral prose comes from a few dozen sentences, so a screening meets few words it has not
 * met before, which real notes (names, places, drugs, slips) are full of. {@link #variedNotes}
 * replaces {@link #VARIED_RARE_WORD_SHARE} of the words of five letters or more in neutral sentences
 * by words drawn uniformly from the 50,000 English words of seven letters or more that the core
 * bundles, one in ten with two neighbouring letters swapped: a harsh stand-in for that long tail.
 */
public final class NoteCorpus {

    /** Note sizes the benchmarks use, in chars (= bytes: the text is ASCII). */
    public static final int TINY = 200;
    public static final int SMALL = 2 * 1024;
    public static final int MEDIUM = 20 * 1024;
    public static final int LARGE = 1024 * 1024;

    public static final long DEFAULT_SEED = 20261122L;
    /** Default share of sentences with flagged wording, and of sentences with near misses. */
    public static final double DEFAULT_HIT_SHARE = 0.08;
    public static final double DEFAULT_DISTRACTOR_SHARE = 0.12;
    /** Share of the words of five letters or more in neutral sentences that {@link #variedNotes} replaces. */
    public static final double VARIED_RARE_WORD_SHARE = 0.3;
    private static final String RARE_WORDS = "/org/fairnote/match/english-words.txt.gz";
    private static List<String> rareWords;

    private static final String[] NAMES = {"Sam", "Alex", "Jo", "Priya", "Tom", "Aisha", "Ms A", "Mr B", "Kerry",
        "Jordan", "Ruth", "Dev", "Chloe", "Marcus", "Ellie", "Nadia"};

    private static final String[] STAFF = {"Dr Patel", "Dr. Okafor", "the care coordinator", "the duty nurse",
        "her CPN", "his CPN", "the ward manager", "the crisis team", "the psychologist", "the OT",
        "the support worker", "the consultant", "the home treatment team", "the GP"};

    private static final String[] HEADINGS = {"Background:", "Presentation:", "Mental state examination:",
        "Risk assessment:", "Risk management:", "Plan:", "Crisis plan:", "History:", "Medication:",
        "Social circumstances:", "Safeguarding:", "Summary:", "Actions:", "Contact with services:"};

    private static final String[] NEUTRAL = {
        "{N} was seen at home today with {S} for a planned review.",
        "{N} reports low mood over the last two weeks and poor sleep, waking around 4am most nights.",
        "Appetite reduced; weight stable at the last GP appointment.",
        "{N} engaged well throughout the session and was able to describe recent stressors.",
        "Speech normal in rate and volume; no evidence of formal thought disorder.",
        "Mood subjectively low, objectively flat; affect reactive at times.",
        "{N} described thoughts of ending her life last week but no current plan or intent.",
        "{N} has a daughter aged 7 who lives with her and is a protective factor.",
        "Medication: sertraline 100mg once daily, taken as prescribed.",
        "Quetiapine 25mg at night was started on 03.02.2026 for sleep.",
        "Pt. seen with her sister, who is supportive and attends most appointments.",
        "Dr. Okafor reviewed the medication and suggested a gradual increase over approx. four weeks.",
        "{N} is a 34 y/o woman known to the CMHT since 2019.",
        "Seen at 14.30 in the clinic; session lasted around 50 minutes.",
        "Housing remains insecure and {N} is worried about rent arrears.",
        "{S} will contact the housing officer about the repairs.",
        "Agreed to meet again next Tuesday at 10.00 at the community base.",
        "{N} would like support with benefits and a referral to the welfare rights service.",
        "Discussed coping strategies, e.g. grounding techniques and contacting a friend.",
        "{N} has been attending the recovery college course on managing emotions.",
        "Sleep hygiene advice given and a sleep diary agreed.",
        "Physical health: blood pressure 128/82, pulse 76, BMI 27.",
        "Bloods requested, including lithium level, renal and thyroid function.",
        "{N} smokes around ten cigarettes a day and would like help to cut down.",
        "Alcohol use reduced since the last review; now drinks at weekends only.",
        "No thoughts of harm to others were expressed.",
        "{N} spoke about the anniversary of her mother's death, which is next month.",
        "Safety plan reviewed together and updated with new contact numbers.",
        "{N} agreed to call the crisis line if she feels unable to keep herself safe.",
        "The crisis team will offer daily visits for the next three days.",
        "{N} identified walking the dog and music as things that help.",
        "Psychology referral made for trauma focused therapy; waiting time approx. 12 weeks.",
        "CPA review booked for 21 April with {N}, her sister and the care coordinator.",
        "{N} asked for a copy of her care plan and it was sent by post.",
        "Letter sent to the GP summarising today's review and the medication change.",
        "{N} feels the new medication has helped her concentration.",
        "Insight good; {N} recognises early warning signs of relapse.",
        "Capacity to consent to the treatment plan was assessed and present.",
        "{N} described feeling overwhelmed at work and has been signed off for two weeks.",
        "Carer assessment offered to her partner.",
        "{N} has been self harming by cutting her forearms, wounds superficial and cleaned.",
        "Wounds reviewed; no signs of infection; dressings given.",
        "{N} attended A and E on Saturday night after an overdose of 12 paracetamol tablets.",
        "Medically cleared by the acute team and seen by liaison psychiatry the next morning.",
        "Follow up call arranged within 72 hours of discharge.",
        "{N} was calm, polite and appropriately dressed.",
        "Eye contact good; rapport easily established.",
        "{N} hears a voice at night that comments on her actions; not distressing today.",
        "No evidence of psychotic symptoms during the interview.",
        "Discussed the plan with {S}, who agrees.",
        "The team will review progress at the next MDT meeting on Thursday.",
        "{N} declined a referral to the substance misuse service at this time.",
        "She would like her sister to be involved in future planning.",
        "Weekly contact with the care coordinator will continue.",
        "Next review in four weeks, sooner if needed.",
    };

    /** Sentences with wording the default lexicons flag (illustrative, from the taxonomy). */
    private static final String[] HITS = {
        "Staff feel {N} is attention seeking when she calls the ward at night.",
        "{N} is manipulative and splits the team.",
        "She is a frequent flyer at the emergency department.",
        "Known time waster; repeated calls to 111.",
        "Her self harm is behavioural and should not be rewarded.",
        "Presentation thought to be for secondary gain.",
        "{N} has been non compliant with medication.",
        "Described by the ward as drug seeking.",
        "PC Jones to attend weekly sessions with {S}.",
        "The police mentor will co facilitate the next sessions.",
        "SIM officer to review the care plan monthly.",
        "{N} remains under Serenity Integrated Mentoring with the local constabulary.",
        "She was accepted onto the Serenity programme in January.",
        "Further calls will result in arrest.",
        "A criminal behaviour order will be sought if the calls continue.",
        "{N} was warned she may be charged with wasting police time.",
        "A behaviour contract was agreed with the police and the team.",
        "Community protection notice to be considered.",
        "Do not convey to ED.",
        "No MH assessment to be offered on presentation.",
        "Planned non response to calls to the crisis line.",
        "Staff not to engage with {N} when she is distressed.",
        "Return home rather than assess.",
        "Care will be withdrawn if she does not comply.",
        "{N} claims to have taken 20 tablets.",
        "She alleges that staff ignored her.",
        "{N} insists she is suicidal.",
        "Attention seeking behaviour continues on the ward.",
    };

    /** Near misses: the same words negated, reported, historical or used about something else. */
    private static final String[] DISTRACTORS = {
        "{N} is not attention seeking; she was frightened and alone.",
        "She said a nurse once called her manipulative, which upset her.",
        "{N} chose the name Serenity for her daughter, who visits weekly.",
        "{N} finds the serenity prayer helpful when distressed.",
        "Police attended in an emergency after a 999 call and she was taken to a place of safety under s136.",
        "{N} was the victim of a burglary and has given a statement to the police.",
        "There is no police involvement in her care.",
        "Previously under SIM; this ended in 2022.",
        "{N} reports that she takes her medication every day.",
        "She states she feels safe at home with her partner.",
        "{N} chose home treatment rather than admission.",
        "The benefit claims are being processed by the council.",
        "Arrest warrant mentioned in the news story she was reading upset her.",
        "The assessment was offered and accepted.",
        "Staff engaged with {N} throughout her distress and she settled.",
        "{N} says she feels like a frequent visitor at her sister's flat.",
        "Her behaviour on the ward was settled and sociable.",
        "{N} is on a CTO and attends her depot appointments.",
        "She wants to return home and the team agrees.",
        "{N} worries that people will think she is wasting their time.",
    };

    private final SplittableRandom random;
    private final double hitShare;
    private final double distractorShare;
    private final double rareWordShare;
    private final List<String> words;

    public NoteCorpus(long seed, double hitShare, double distractorShare) {
        this(seed, hitShare, distractorShare, 0);
    }

    /** With {@code rareWordShare} of the longer words of neutral sentences replaced by rare words (see above). */
    public NoteCorpus(long seed, double hitShare, double distractorShare, double rareWordShare) {
        if (hitShare < 0 || distractorShare < 0 || hitShare + distractorShare > 1) {
            throw new IllegalArgumentException("shares must be >= 0 and sum to at most 1, were " + hitShare + " and "
                    + distractorShare);
        }
        if (rareWordShare < 0 || rareWordShare > 1) {
            throw new IllegalArgumentException("rare word share must be in [0, 1], was " + rareWordShare);
        }
        this.random = new SplittableRandom(seed);
        this.hitShare = hitShare;
        this.distractorShare = distractorShare;
        this.rareWordShare = rareWordShare;
        this.words = rareWordShare > 0 ? rareWords() : List.of();
    }

    public NoteCorpus(long seed) {
        this(seed, DEFAULT_HIT_SHARE, DEFAULT_DISTRACTOR_SHARE);
    }

    /** Notes of about {@code noteChars} chars each (never more), adding up to about {@code totalChars}. */
    public static List<String> notes(long seed, int noteChars, long totalChars) {
        return notes(new NoteCorpus(seed), noteChars, totalChars);
    }

    /** As {@link #notes}, with {@link #VARIED_RARE_WORD_SHARE} of the longer neutral words rare (see above). */
    public static List<String> variedNotes(long seed, int noteChars, long totalChars) {
        return notes(new NoteCorpus(seed, DEFAULT_HIT_SHARE, DEFAULT_DISTRACTOR_SHARE, VARIED_RARE_WORD_SHARE),
                noteChars, totalChars);
    }

    private static List<String> notes(NoteCorpus g, int noteChars, long totalChars) {
        List<String> out = new ArrayList<>();
        long sum = 0;
        do {
            String note = g.note(noteChars);
            out.add(note);
            sum += note.length();
        } while (sum < totalChars);
        return out;
    }

    /** One note of at most {@code maxChars} chars (and at least 80% of it for sizes >= 200). */
    public String note(int maxChars) {
        StringBuilder sb = new StringBuilder(maxChars + 256);
        String name = pick(NAMES);
        sb.append("Progress note ").append(String.format("%02d.%02d.2026", 1 + random.nextInt(28),
                1 + random.nextInt(12))).append(' ').append(String.format("%02d.%02d", 8 + random.nextInt(10),
                random.nextInt(4) * 15)).append('\n');
        int sinceHeading = 99;
        while (true) {
            int mark = sb.length();
            if (sinceHeading > 3 + random.nextInt(6)) {
                sb.append(sb.length() > 40 ? "\n" : "").append(pick(HEADINGS)).append('\n');
                sinceHeading = 0;
            }
            boolean bullet = random.nextInt(5) == 0;
            if (bullet) {
                sb.append("- ");
            }
            sb.append(sentence(name));
            sinceHeading++;
            sb.append(bullet || random.nextInt(4) == 0 ? "\n" : " ");
            if (sb.length() > maxChars) {
                sb.setLength(mark);
                break;
            }
        }
        while (sb.length() < maxChars * 4 / 5) {
            // a very small note: fill with short neutral sentences
            int mark = sb.length();
            sb.append("Seen today. ");
            if (sb.length() > maxChars) {
                sb.setLength(mark);
                break;
            }
        }
        return sb.toString().stripTrailing();
    }

    private String sentence(String name) {
        double r = random.nextDouble();
        String template = r < hitShare ? pick(HITS) : r < hitShare + distractorShare ? pick(DISTRACTORS) : pick(NEUTRAL);
        if (rareWordShare > 0 && r >= hitShare + distractorShare) {
            template = withRareWords(template);
        }
        return template.replace("{N}", name).replace("{S}", pick(STAFF));
    }

    /** The sentence with some of its lower-case words of five letters or more replaced by rare words. */
    private String withRareWords(String sentence) {
        StringBuilder out = new StringBuilder(sentence.length() + 32);
        int i = 0;
        while (i < sentence.length()) {
            int j = i;
            while (j < sentence.length() && sentence.charAt(j) >= 'a' && sentence.charAt(j) <= 'z') {
                j++;
            }
            if (j == i) {
                out.append(sentence.charAt(i++));
                continue;
            }
            boolean wordStart = i == 0 || !Character.isLetterOrDigit(sentence.charAt(i - 1));
            boolean wordEnd = j == sentence.length() || !Character.isLetterOrDigit(sentence.charAt(j));
            if (wordStart && wordEnd && j - i >= 5 && random.nextDouble() < rareWordShare) {
                String w = words.get(random.nextInt(words.size()));
                if (random.nextInt(10) == 0) {
                    int p = 1 + random.nextInt(w.length() - 3); // a slip inside the word, as people make
                    w = w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2);
                }
                out.append(w);
            } else {
                out.append(sentence, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    private static synchronized List<String> rareWords() {
        if (rareWords == null) {
            List<String> list = new ArrayList<>();
            try (InputStream in = NoteCorpus.class.getResourceAsStream(RARE_WORDS)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RARE_WORDS + " is missing (it comes with fairnote-core)");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.length() >= 7 && line.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                        list.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RARE_WORDS, e);
            }
            rareWords = List.copyOf(list);
        }
        return rareWords;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
