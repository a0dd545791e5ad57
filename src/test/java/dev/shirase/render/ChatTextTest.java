package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void makesSlackAndTeamsMentionsAndLinksInert() {
        String hostile = "<!channel> <!here> <@U123> <#C456> <!subteam^S1> <https://evil.example|docs> <at>Ops</at>"
                + " [docs](https://evil.example) ![x](https://evil.example/p.png) @here @channel @everyone (@alice)";

        String inert = ChatText.neutralise(hostile);

        assertThat(inert).doesNotContain("<", ">", "[", "]", "](", "@here", "@channel", "@everyone", "@alice");
        assertThat(inert).contains("＜!channel＞", "＜＠U123＞", "＜https://evil.example|docs＞", "［docs］(https://evil.example)",
                "＠here", "＠channel", "＠everyone", "(＠alice)");
    }

    @Test
    void makesEmphasisAndCodeInertWhereTheyCouldAct() {
        assertThat(ChatText.neutralise("*bold* **strong** _italic_ __x__ ~strike~ ~~gone~~ `code` ```block"))
                .isEqualTo("＊bold＊ ＊＊strong＊＊ ＿italic＿ ＿＿x＿＿ ～strike～ ～～gone～～ ｀code｀ ｀｀｀block");
        assertThat(ChatText.neutralise("a*b*c")).isEqualTo("a＊b＊c");
    }

    @Test
    void leavesOrdinaryIdsAddressesAndUrlsAlone() {
        for (String ordinary : new String[] {"my_db_1", "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED",
                "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db", "ops@example.com", "first.last@example.co.jp",
                "https://ap-northeast-1.console.aws.amazon.com/rds/home?region=ap-northeast-1#databases:", "10~20",
                "自動適用開始: 2027年3月1日(月) 09:00 JST", "i-0abc (影響あり)"}) {
            assertThat(ChatText.neutralise(ordinary)).isEqualTo(ordinary);
        }
    }

    @Test
    void makesAHeadingInertOnlyAtTheStartOfALine() {
        assertThat(ChatText.neutralise("# Title\n  ## Sub\nissue #42")).isEqualTo("＃ Title\n  ＃# Sub\nissue #42");
    }

    @Test
    void stripsBidirectionalAndZeroWidthCharacters() {
        String hidden = "db\u202E1gnp.exe\u202C-\u200Bp\u200Cr\u200Do\u2060d\uFEFF\u2066x\u2069\u200E\u200F\u00AD\u061C"
                + new String(Character.toChars(0xE0041)) + "\u3164";

        assertThat(ChatText.inline(hidden)).isEqualTo("db1gnp.exe-prodx");
        assertThat(Subject.clean(hidden)).isEqualTo("db1gnp.exe-prodx");
    }

    @Test
    void keepsLineBreaksOnlyWhereAskedAndTurnsOtherControlsIntoSpaces() {
        assertThat(ChatText.neutralise("a\r\nb\rc\u2028d\te\u0007f")).isEqualTo("a\nb\nc\nd e f");
        assertThat(ChatText.inline("a\r\nb\nc")).isEqualTo("a b c");
        assertThat(ChatText.inline("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(ChatText.neutralise(null)).isNull();
    }
}
