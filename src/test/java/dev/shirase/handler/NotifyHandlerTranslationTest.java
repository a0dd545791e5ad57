package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.shirase.testing.TranslateJsonStub.call;
import static dev.shirase.testing.TranslateJsonStub.error;
import static dev.shirase.testing.TranslateJsonStub.pretendTranslation;
import static dev.shirase.testing.TranslateJsonStub.terminology;
import static dev.shirase.testing.TranslateJsonStub.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import dev.shirase.testing.BedrockRuntimeStub;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.TranslateJsonStub;
import dev.shirase.translate.Glossary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The notifier with SHIRASE_TRANSLATION set, through the SDK: Amazon Translate and Bedrock Runtime as WireMock stubs
 * shaped like their JSON APIs, SNS, SQS and DynamoDB in moto. The notice carries the translation when it can be trusted,
 * says why when it cannot, and goes out on time whatever the translator does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NotifyHandlerTranslationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SAMPLE = "health-ec2-instance-reboot.json";
    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String TERMINOLOGY = "shirase-glossary-" + Glossary.bundled().version();
    private static TranslateJsonStub translate;
    private static BedrockRuntimeStub bedrock;
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);
    private Inbox inbox;

    @BeforeAll
    static void startStubs() {
        translate = TranslateJsonStub.start();
        bedrock = BedrockRuntimeStub.start();
    }

    @AfterAll
    static void stopStubs() {
        translate.close();
        bedrock.close();
    }

    @BeforeEach
    void emptyAccount() {
        moto.reset();
        translate.reset();
        bedrock.reset();
        inbox = clients.topicWithQueue("shirase");
        translate.server().stubFor(call("GetTerminology").willReturn(terminology(TERMINOLOGY, 16)));
    }

    private Map<String, String> env(String translation) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put("SHIRASE_TRANSLATION", translation);
        env.put("AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint());
        env.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint());
        return env;
    }

    private static NotifyHandler handler(Map<String, String> env) {
        return new NotifyHandler(NotifyHandler.fromEnvironment(env, JsonLog.silent()));
    }

    private static JsonNode invoke(NotifyHandler handler, byte[] event, Duration timeout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LambdaContext(timeout));
        return MAPPER.readTree(out.toByteArray());
    }

    private static byte[] sample() throws Exception {
        return Files.readAllBytes(Path.of("events", SAMPLE));
    }

    private String noticeText() {
        List<JsonNode> received = clients.notifications(inbox.queueUrl());
        assertThat(received).hasSize(1);
        return received.get(0).get("Message").asText();
    }

    @Test
    void amazonTranslateTranslatesEveryParagraphAndTheNoticeCarriesIt() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(pretendTranslation()));

        JsonNode result = invoke(handler(env("amazon-translate")), sample(), Duration.ofSeconds(60));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        String text = noticeText();
        String translation = text.substring(text.indexOf("■ 和訳 (機械翻訳)"), text.indexOf("■ 原文 (English)"));
        assertThat(translation).contains("※ Amazon Translate による機械翻訳です").doesNotContain("和訳を表示していません");
        List<JsonNode> sent = translate.requests("TranslateText");
        assertThat(sent).isNotEmpty().allSatisfy(request -> {
            assertThat(request.get("TerminologyNames").get(0).asText()).isEqualTo(TERMINOLOGY);
            assertThat(request.at("/Settings/Formality").asText()).isEqualTo("FORMAL");
        });
        assertThat(sent).anySatisfy(request -> assertThat(request.get("Text").asText())
                .contains("<span translate=\"no\">ap-northeast-1</span>"));
    }

    @Test
    void theSameDescriptionAgainMakesNoCall() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(pretendTranslation()));
        NotifyHandler handler = handler(env("amazon-translate"));

        invoke(handler, sample(), Duration.ofSeconds(60));
        int calls = translate.requests("TranslateText").size();
        invoke(handler, sample(), Duration.ofSeconds(60));

        assertThat(calls).isPositive();
        assertThat(translate.requests("TranslateText")).hasSize(calls);
        assertThat(clients.notifications(inbox.queueUrl())).hasSize(2)
                .allSatisfy(n -> assertThat(n.get("Message").asText()).contains("※ Amazon Translate による機械翻訳です"));
    }

    @Test
    void withTheStateTableANewContainerTranslatesOnlyTheParagraphThatChanged() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(pretendTranslation()));
        Map<String, String> env = env("amazon-translate");
        env.put(StateTable.ENV, clients.stateTable("shirase-state"));

        invoke(handler(env), sample(), Duration.ofSeconds(60));
        int calls = translate.requests("TranslateText").size();
        ObjectNode update = (ObjectNode) MAPPER.readTree(sample());
        ObjectNode description = (ObjectNode) update.at("/detail/eventDescription/0");
        description.put("latestDescription", description.get("latestDescription").asText()
                + "\n\nUpdate: the maintenance window now ends at 18:00 UTC.");
        clients.notifications(inbox.queueUrl());
        invoke(handler(env), MAPPER.writeValueAsBytes(update), Duration.ofSeconds(60));

        List<JsonNode> sent = translate.requests("TranslateText");
        assertThat(sent).hasSize(calls + 1);
        assertThat(sent.get(calls).get("Text").asText()).contains("Update: the maintenance window now ends");
    }

    @Test
    void aTranslationThatDropsTheNumbersIsNotShownAndTheNoticeSaysWhy() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(translated("メンテナンスを行います。")));

        invoke(handler(env("amazon-translate")), sample(), Duration.ofSeconds(60));

        String text = noticeText();
        // Every paragraph of the sample has numbers: none is shown, and the first one's loss is named.
        assertThat(text).contains("■ 和訳 (機械翻訳)\n機械翻訳の訳文に原文の「EC2」「ap-northeast-1」がなかったため、和訳はありません。");
        assertThat(translate.requests("TranslateText")).as("each paragraph with words tried twice; the links alone are not sent").hasSize(2 * 4);
    }

    @Test
    void aHangingTranslateCostsTheNoticeOnlyTheTranslationsShare() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(aResponse().withFixedDelay(60_000)));

        long start = System.nanoTime();
        JsonNode result = invoke(handler(env("amazon-translate")), sample(), Duration.ofSeconds(20));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        // 20 s less the reserve: 18 s of working time, a quarter of it (4.5 s) for the translation; the rest is SNS.
        assertThat(elapsedMs).isLessThan(4_500 + 3_000);
        assertThat(noticeText()).contains("通知を遅らせないよう翻訳を打ち切ったため、和訳はありません。");
    }

    @Test
    void throttlingOnEveryAttemptStillSendsTheNoticeSayingWhy() throws Exception {
        translate.server().stubFor(call("TranslateText").willReturn(error("ThrottlingException", "Rate exceeded")));

        long start = System.nanoTime();
        JsonNode result = invoke(handler(env("amazon-translate")), sample(), Duration.ofSeconds(60));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        // Given up after a few attempts, not held for the translation's whole share (10 s here).
        assertThat(elapsedMs).isLessThan(6_000);
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(noticeText()).contains("翻訳サービスの呼び出し上限に達したため、和訳はありません。");
    }

    @Test
    void aModelWithoutAccessFallsBackToAmazonTranslate() throws Exception {
        bedrock.server().stubFor(BedrockRuntimeStub.converse(MODEL).willReturn(BedrockRuntimeStub.error(403,
                "AccessDeniedException", "You don't have access to the model with the specified model ID.")));
        translate.server().stubFor(call("TranslateText").willReturn(pretendTranslation()));

        invoke(handler(env("bedrock:" + MODEL + ",amazon-translate")), sample(), Duration.ofSeconds(60));

        assertThat(bedrock.requests(MODEL)).isNotEmpty();
        assertThat(noticeText()).contains("※ Amazon Translate による機械翻訳です");
    }

    @Test
    void bedrockAloneTranslatesWithItsAnswer() throws Exception {
        // One faithful answer for every paragraph would need a model; a paragraph without tokens is enough here.
        ObjectNode event = (ObjectNode) MAPPER.readTree(sample());
        ((ObjectNode) event.at("/detail/eventDescription/0")).put("latestDescription",
                "If this window suits you, you don't need to do anything.");
        bedrock.server().stubFor(BedrockRuntimeStub.converse(MODEL)
                .willReturn(BedrockRuntimeStub.answer("この時間帯で問題なければ、対応は不要です。")));

        invoke(handler(env("bedrock:" + MODEL)), MAPPER.writeValueAsBytes(event), Duration.ofSeconds(60));

        assertThat(noticeText()).contains("■ 和訳 (機械翻訳)\nこの時間帯で問題なければ、対応は不要です。",
                "※ Amazon Bedrock (" + MODEL + ") による機械翻訳です");
    }
}
