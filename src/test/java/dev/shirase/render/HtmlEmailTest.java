package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlEmailTest {

    @Test
    void escapesEveryValueThatComesFromTheEvent() {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "<script>alert('x')</script> & \"quoted\" security fix");
        ((ObjectNode) event.get("detail")).putArray("affectedEntities").addObject()
                .put("entityValue", "<img src=x onerror=alert(1)>");

        String html = RenderingFixtures.rendered(event).html();

        assertThat(html).doesNotContain("<script>", "<img");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void isAWellFormedDocumentWithTheSameSectionsAsTheText() throws Exception {
        RenderedNotice rendered = RenderingFixtures.rendered(Events.sample("health-rds-oracle-os-update.json"));

        Document doc = parse(rendered.html());

        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(rendered.subject());
        assertThat(doc.getElementsByTagName("h2").getLength()).isGreaterThanOrEqualTo(8);
        assertThat(doc.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("概要");
        assertThat(doc.getElementsByTagName("a").item(0).getAttributes().getNamedItem("href").getNodeValue())
                .startsWith("https://health.aws.amazon.com/health/home#/account/event-log?eventID=arn:aws:health:")
                .contains("&eventTab=details");
        assertThat(doc.getDocumentElement().getTextContent()).contains("Single-AZ").contains("60〜120秒");
    }

    @Test
    void anUnreadableInputStaysWellFormed() throws Exception {
        String html = RenderingFixtures.rendered("<<not json & not html>>".getBytes(StandardCharsets.UTF_8)).html();

        assertThat(parse(html).getDocumentElement().getTextContent()).contains("<<not json & not html>>");
    }

    private static Document parse(String html) throws Exception {
        // The HTML5 doctype is not XML; the rest must be.
        String xml = html.replaceFirst("<!DOCTYPE html>", "");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
