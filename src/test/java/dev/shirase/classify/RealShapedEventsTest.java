package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Stage;
import dev.shirase.source.EventReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Events shaped like the ones AWS sends (RDS, Aurora, EC2, VPN, Direct Connect, Lambda, EKS, MSK, Fargate, OpenSearch,
 * ElastiCache, DocumentDB, billing, ACM ...), read and classified as in production, against what an operator reads
 * in them (real-shaped/expectations.csv).
 */
class RealShapedEventsTest {
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/real-shaped/expectations.csv", delimiter = '|')
    void eachEventReadsAsAnOperatorWouldReadIt(String file, Category category, Obligation obligation, Stage stage,
            String deadlineKind, String deadlineAt, String title, int resources) {
        Notice n = classifier.classify(reader.read(bytes(file)));

        assertThat(n.announcement().readError()).as("read error").isNull();
        assertThat(n.category()).as("category").isEqualTo(category);
        assertThat(n.obligation()).as("obligation").isEqualTo(obligation);
        assertThat(n.stage()).as("stage").isEqualTo(stage);
        assertThat(n.deadline()).as("deadline").isEqualTo("-".equals(deadlineKind) ? null
                : new Deadline(Instant.parse(deadlineAt), Deadline.Kind.valueOf(deadlineKind)));
        assertThat(n.title()).as("title").isEqualTo(title);
        // placeholders are no resources, and no code
        assertThat(n.announcement().resources()).as("resources").hasSize(resources)
                .extracting(AffectedResource::id).noneMatch(id -> id.equals("UNKNOWN") || id.startsWith("rds:"));
        assertThat(n.announcement().code()).as("code").isNotEqualTo("(null)");
    }

    private static byte[] bytes(String file) {
        try (InputStream in = RealShapedEventsTest.class.getResourceAsStream("/real-shaped/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
