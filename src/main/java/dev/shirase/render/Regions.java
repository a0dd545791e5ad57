package dev.shirase.render;

import java.util.Map;

/** Region names as the Japanese AWS console writes them. */
public final class Regions {
    private static final Map<String, String> JAPANESE = Map.ofEntries(
            Map.entry("us-east-1", "バージニア北部"),
            Map.entry("us-east-2", "オハイオ"),
            Map.entry("us-west-1", "北カリフォルニア"),
            Map.entry("us-west-2", "オレゴン"),
            Map.entry("af-south-1", "ケープタウン"),
            Map.entry("ap-east-1", "香港"),
            Map.entry("ap-east-2", "台北"),
            Map.entry("ap-south-1", "ムンバイ"),
            Map.entry("ap-south-2", "ハイデラバード"),
            Map.entry("ap-southeast-1", "シンガポール"),
            Map.entry("ap-southeast-2", "シドニー"),
            Map.entry("ap-southeast-3", "ジャカルタ"),
            Map.entry("ap-southeast-4", "メルボルン"),
            Map.entry("ap-southeast-5", "マレーシア"),
            Map.entry("ap-southeast-6", "ニュージーランド"),
            Map.entry("ap-southeast-7", "タイ"),
            Map.entry("ap-northeast-1", "東京"),
            Map.entry("ap-northeast-2", "ソウル"),
            Map.entry("ap-northeast-3", "大阪"),
            Map.entry("ca-central-1", "カナダ中部"),
            Map.entry("ca-west-1", "カルガリー"),
            Map.entry("eu-central-1", "フランクフルト"),
            Map.entry("eu-central-2", "チューリッヒ"),
            Map.entry("eu-west-1", "アイルランド"),
            Map.entry("eu-west-2", "ロンドン"),
            Map.entry("eu-west-3", "パリ"),
            Map.entry("eu-south-1", "ミラノ"),
            Map.entry("eu-south-2", "スペイン"),
            Map.entry("eu-north-1", "ストックホルム"),
            Map.entry("il-central-1", "テルアビブ"),
            Map.entry("me-south-1", "バーレーン"),
            Map.entry("me-central-1", "アラブ首長国連邦"),
            Map.entry("mx-central-1", "メキシコ中部"),
            Map.entry("sa-east-1", "サンパウロ"),
            Map.entry("us-gov-east-1", "GovCloud 米国東部"),
            Map.entry("us-gov-west-1", "GovCloud 米国西部"),
            Map.entry("cn-north-1", "北京"),
            Map.entry("cn-northwest-1", "寧夏"),
            Map.entry("global", "グローバル"));

    private Regions() {
    }

    /** {@code ap-northeast-1 (東京)}; an unknown region code is shown as it is. */
    public static String describe(String region) {
        if (region == null || region.isBlank()) {
            return "リージョン不明";
        }
        if ("global".equals(region)) {
            return "グローバル";
        }
        String name = JAPANESE.get(region);
        return name == null ? region : region + " (" + name + ")";
    }

    /** A region code such as ap-northeast-1 (not "global", not empty): one a console link or an API call can use. */
    public static boolean isRegionCode(String region) {
        return region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d");
    }
}
