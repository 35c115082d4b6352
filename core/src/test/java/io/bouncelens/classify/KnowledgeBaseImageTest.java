package io.bouncelens.classify;

import io.bouncelens.Lang;
import io.bouncelens.advise.KnowledgeBaseAdviceBook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge base the build compiled into an image is the one the {@code .kb} text compiles to:
 * the same entries, advice and tables, deciding every reply the same way, and a damaged image is
 * refused with one clear message instead of half read.
 */
class KnowledgeBaseImageTest {

    private static final KnowledgeBase FROM_TEXT = KnowledgeBase.compileBundledText();

    private static byte[] bundledImage() throws IOException {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(KnowledgeBaseImage.RESOURCE)) {
            assertThat(in).as("the build (process-classes) writes " + KnowledgeBaseImage.RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theBuildsImageHoldsWhatTheTextCompilesTo() throws IOException {
        // An image left from an older text, or a field the reader drops, writes other bytes.
        assertThat(KnowledgeBaseImage.write(KnowledgeBaseImage.read(bundledImage())))
                .isEqualTo(KnowledgeBaseImage.write(FROM_TEXT));
    }

    @Test
    void theBundledKnowledgeBaseIsReadFromTheImage() throws IOException {
        KnowledgeBase bundled = KnowledgeBase.bundled();
        assertThat(KnowledgeBaseImage.write(bundled)).isEqualTo(bundledImage());
        assertThat(bundled.entries()).hasSameSizeAs(FROM_TEXT.entries());
        for (int i = 0; i < bundled.entries().size(); i++) {
            KbEntry a = bundled.entries().get(i), b = FROM_TEXT.entries().get(i);
            assertThat(a.id()).isEqualTo(b.id());
            assertThat(a.advice()).isEqualTo(b.advice());
            assertThat(a.examples()).isEqualTo(b.examples());
            assertThat(a.pattern() == null ? null : a.pattern().pattern())
                    .isEqualTo(b.pattern() == null ? null : b.pattern().pattern());
            assertThat(a.providerId()).isEqualTo(b.providerId());
        }
    }

    @Test
    void everyExampleGetsTheSameVerdictAndAdviceFromTheImageAsFromTheText() {
        KnowledgeBase image = KnowledgeBaseImage.read(KnowledgeBaseImage.write(FROM_TEXT));
        KnowledgeBaseClassifier fromImage = new KnowledgeBaseClassifier(image);
        KnowledgeBaseClassifier fromText = new KnowledgeBaseClassifier(FROM_TEXT);
        KnowledgeBaseAdviceBook imageAdvice = new KnowledgeBaseAdviceBook(image);
        KnowledgeBaseAdviceBook textAdvice = new KnowledgeBaseAdviceBook(FROM_TEXT);
        int replies = 0;
        for (KbEntry entry : FROM_TEXT.entries()) {
            for (String example : entry.examples()) {
                // with and without a status, so the code-only tables are read as well as the literals
                for (String status : new String[] {null, "5.1.1", "4.7.0", "5.0.0"}) {
                    ReplyEvidence evidence = new ReplyEvidence(example, status, null, null, null, null);
                    Classification a = fromImage.classify(evidence), b = fromText.classify(evidence);
                    assertThat(a).as(example).isEqualTo(b);
                    for (Lang lang : Lang.values()) {
                        assertThat(imageAdvice.adviceFor(a, lang)).isEqualTo(textAdvice.adviceFor(b, lang));
                    }
                    replies++;
                }
            }
        }
        assertThat(replies).isGreaterThan(2000);
    }

    @Test
    void aDamagedImageIsRefusedWhole() {
        byte[] image = KnowledgeBaseImage.write(FROM_TEXT);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] damaged = image.clone();
            damaged[12 + random.nextInt(damaged.length - 12)] ^= (byte) (1 + random.nextInt(255));
            assertThatThrownBy(() -> KnowledgeBaseImage.read(damaged))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("damaged");
        }
        byte[] cut = Arrays.copyOf(image, image.length / 2);
        assertThatThrownBy(() -> KnowledgeBaseImage.read(cut)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("damaged").hasMessageContaining("./mvnw package");
    }

    @Test
    void anImageOfAnotherFormatIsRefusedByName() {
        byte[] other = KnowledgeBaseImage.write(FROM_TEXT);
        ByteBuffer.wrap(other).putInt(4, 99);
        assertThatThrownBy(() -> KnowledgeBaseImage.read(other)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> KnowledgeBaseImage.read("[entry]\nmatch: x\n".getBytes()))
                .isInstanceOf(KnowledgeBaseException.class).hasMessage("not a knowledge base image");
        assertThatThrownBy(() -> KnowledgeBaseImage.read(new byte[3])).isInstanceOf(KnowledgeBaseException.class);
    }
}
