package dev.autoif.export.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.export.domain.DpoFormat;
import dev.autoif.export.domain.Lines;
import dev.autoif.export.domain.SftFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The body is byte for byte what serialising each line on its own and ending it with a newline gives. */
class JsonLinesTest {

    private static final ObjectWriter ONE_BY_ONE = EnvelopeCodec.mapper().writer();

    @Test
    void theBodyIsEachLineSerialisedOnItsOwnFollowedByANewline() throws Exception {
        List<Object> lines = new ArrayList<>();
        String tricky = "Ünïcödé \"quotes\" \\ back\tslash\nnew line \u0000 \u2028 emoji \uD83D\uDE00 </script>";
        for (SftFormat f : SftFormat.values()) {
            lines.add(f.line("What is Java? Answer in lowercase letters only.", "java is a language."));
            lines.add(f.line(tricky, "x".repeat(20_000)));
            lines.add(new Lines.WithMetadata(f.line("p", "r"), new Lines.Metadata("run-1", "ins-1", tricky, "q-1",
                    0.8, null)));
            lines.add(new Lines.WithMetadata(f.line("p", "r"), new Lines.Metadata("run-1", "ins-1", "i", "q-1", 1.0,
                    9.5)));
        }
        for (DpoFormat f : DpoFormat.values()) {
            lines.add(f.line(new Lines.Preference(tricky, "chosen", "rejected " + tricky)));
        }
        lines.add(new Lines.Rlvr(Lines.Message.user(tricky), "ins-abc", "autoif"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Object line : lines) {
            expected.write(ONE_BY_ONE.writeValueAsBytes(line));
            expected.write('\n');
        }

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long count = JsonLines.write(lines.stream(), body);

        assertThat(count).isEqualTo(lines.size());
        assertThat(body.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void noLinesIsAnEmptyBody() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        assertThat(JsonLines.write(Stream.empty(), body)).isZero();
        assertThat(body.size()).isZero();
    }
}
