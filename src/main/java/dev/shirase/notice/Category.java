package dev.shirase.notice;

/** What AWS is going to do, in the buckets an operator cares about. Names are part of the preview contract. */
public enum Category {
    SECURITY_PATCH("セキュリティパッチ"),
    OS_UPDATE("OS アップデート"),
    SYSTEM_REBOOT("システム再起動・定期メンテナンス"),
    ENGINE_UPGRADE("エンジンバージョンのアップグレード"),
    END_OF_SUPPORT("標準サポート終了"),
    HARDWARE_RETIREMENT("インスタンスのリタイア"),
    INFORMATION("お知らせ"),
    UNCLASSIFIED("未分類");

    private final String japanese;

    Category(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
