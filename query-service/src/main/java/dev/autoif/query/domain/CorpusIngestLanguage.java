package dev.autoif.query.domain;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Language detection for the corpus language filter, by the optimaize language-detector (n-gram profiles of 71
 * languages shipped in its jar, a port of Google's langdetect). The profiles load once, on the first upload that
 * asks for a language.
 */
public final class CorpusIngestLanguage {

    private CorpusIngestLanguage() {
    }

    private static final class Detector {
        static final List<LanguageProfile> PROFILES;
        static final LanguageDetector DETECTOR;
        // short, clean text: ShareGPT queries are sentences, not web pages
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingShortCleanText();

        static {
            try {
                PROFILES = new LanguageProfileReader().readAllBuiltIn();
            } catch (IOException e) {
                throw new UncheckedIOException("language profiles are unreadable", e);
            }
            DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(PROFILES).build();
        }
    }

    /** The ISO 639-1 codes the detector knows (zh-CN and zh-TW both count as zh). */
    public static SortedSet<String> supported() {
        SortedSet<String> codes = new TreeSet<>();
        Detector.PROFILES.forEach(p -> codes.add(p.getLocale().getLanguage()));
        return codes;
    }

    /** The most likely language's code, or null when the text gives the detector nothing to go on. */
    public static String guess(String text) {
        List<DetectedLanguage> ranked = Detector.DETECTOR.getProbabilities(Detector.TEXT.forText(text));
        return ranked.isEmpty() ? null : ranked.getFirst().getLocale().getLanguage();
    }
}
