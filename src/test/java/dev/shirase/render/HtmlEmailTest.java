package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
    void escapesEachSpecialCharacterWhereverItStandsAndLeavesOtherTextAsItIs() {
        assertThat(HtmlEmail.escape("plain 東京 text")).isEqualTo("plain 東京 text");
        assertThat(HtmlEmail.escape("&first")).isEqualTo("&amp;first");
        assertThat(HtmlEmail.escape("last'")).isEqualTo("last&#39;");
        assertThat(HtmlEmail.escape("x<y>\"z\"&'")).isEqualTo("x&lt;y&gt;&quot;z&quot;&amp;&#39;");
        assertThat(HtmlEmail.escape("")).isEmpty();
        assertThat(HtmlEmail.escape(null)).isEmpty();
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

    @Test
    void opensWithTheKeyFactsOfARequiredNotice() throws Exception {
        RenderedNotice rendered = RenderingFixtures.rendered(Events.sample("health-rds-aurora-postgresql-security-upgrade.json"));
        NoticeContent c = rendered.content();

        Document doc = parse(rendered.html());
        Map<String, String> facts = keyFacts(doc);

        assertThat(facts.keySet()).containsExactly("区分", "期限", "対象", "停止の目安");
        assertThat(facts.get("区分")).isEqualTo("必須");
        // 2027-03-03 09:00 JST, from 2026-11-24 09:00 JST.
        assertThat(facts.get("期限")).isEqualTo(c.deadlineShort() + " (あと 99 日)");
        assertThat(facts.get("対象")).isEqualTo("app-aurora-pg-instance-1、app-aurora-pg-instance-2ap-northeast-1 (東京)");
        assertThat(facts.get("停止の目安")).isEqualTo(c.downtime()).isNotBlank();
        // Under the subject, before the first section.
        String html = rendered.html();
        assertThat(html.indexOf("<table")).isGreaterThan(html.indexOf("</title>")).isLessThan(html.indexOf("<h2"));
    }

    @Test
    void anEventOfThousandsOfResourcesNamesTheFirstAndCountsTheRestOnce() throws Exception {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (int i = 0; i < 1500; i++) {
            entities.addObject().put("entityValue", "i-" + i);
        }

        Map<String, String> facts = keyFacts(parse(RenderingFixtures.rendered(event).html()));

        assertThat(facts.get("対象")).isEqualTo("i-0、i-1、i-2 ほか 1497件 (全 1500件)ap-northeast-1 (東京)");
    }

    @Test
    void anInformationNoticeWithoutDowntimeLeavesThatRowOut() throws Exception {
        RenderedNotice rendered = RenderingFixtures.rendered(Events.sample("health-ec2-system-reboot-closed.json"));

        Map<String, String> facts = keyFacts(parse(rendered.html()));

        assertThat(rendered.content().downtime()).isNull();
        assertThat(facts).doesNotContainKey("停止の目安").containsEntry("区分", "情報").containsEntry("期限", "日付の指定なし");
    }

    @Test
    void fitsAPhoneScreen() throws Exception {
        String html = RenderingFixtures.rendered(Events.sample("health-rds-oracle-os-update.json")).html();

        Document doc = parse(html);

        Element viewport = (Element) doc.getElementsByTagName("meta").item(1);
        assertThat(viewport.getAttribute("name")).isEqualTo("viewport");
        assertThat(viewport.getAttribute("content")).isEqualTo("width=device-width, initial-scale=1");
        // Long ids and URLs break anywhere: on the body, and on the wrapper for clients that drop the body's style.
        Element body = (Element) doc.getElementsByTagName("body").item(0);
        Element wrapper = (Element) body.getElementsByTagName("div").item(0);
        for (Element e : List.of(body, wrapper)) {
            assertThat(e.getAttribute("style")).contains("overflow-wrap:anywhere", "word-break:break-word");
        }
        // Tables keep to the width of the screen whatever a cell holds.
        NodeList tables = doc.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            assertThat(((Element) tables.item(i)).getAttribute("style")).contains("table-layout:fixed", "width:100%");
        }
    }

    @Test
    void commandsSitWholeInABoxThatScrollsRatherThanWraps() throws Exception {
        RenderedNotice rendered = RenderingFixtures.pendingOsUpdate();
        List<String> commands = rendered.content().steps().stream().map(Step::command).filter(c -> c != null).toList();

        NodeList pres = parse(rendered.html()).getElementsByTagName("pre");

        assertThat(commands).hasSize(2);
        Map<String, String> styleByCommand = new LinkedHashMap<>();
        for (int i = 0; i < pres.getLength(); i++) {
            Element pre = (Element) pres.item(i);
            if (pre.getElementsByTagName("code").getLength() == 1) {
                styleByCommand.put(pre.getTextContent(), pre.getAttribute("style"));
            }
        }
        assertThat(styleByCommand.keySet()).containsExactlyElementsOf(commands);
        assertThat(styleByCommand.values()).allSatisfy(style -> assertThat(style)
                .contains("white-space:pre;", "overflow-x:auto", "word-break:normal", "overflow-wrap:normal",
                        "max-width:100%", "font-family:Menlo,Consolas,monospace"));
    }

    /** The key-facts box: the first table, label to text. */
    static Map<String, String> keyFacts(Document doc) {
        Element box = (Element) doc.getElementsByTagName("table").item(0);
        Map<String, String> facts = new LinkedHashMap<>();
        NodeList rows = box.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            facts.put(row.getElementsByTagName("th").item(0).getTextContent(),
                    row.getElementsByTagName("td").item(0).getTextContent());
        }
        return facts;
    }

    private static Document parse(String html) throws Exception {
        // The HTML5 doctype is not XML; the rest must be.
        String xml = html.replaceFirst("<!DOCTYPE html>", "");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
