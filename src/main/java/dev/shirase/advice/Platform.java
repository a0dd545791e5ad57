package dev.shirase.advice;

import dev.shirase.classify.AnalysedText;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import java.util.Locale;
import java.util.regex.Pattern;

/** The kind of system a notice is about, as far as what to tell its owner differs. */
public enum Platform {
    EC2,
    /** RDS for MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, Db2: Single-AZ or Multi-AZ instances. */
    RDS,
    /** Aurora provisioned clusters: readers and a writer. */
    AURORA,
    AURORA_SERVERLESS,
    DOCUMENTDB,
    NEPTUNE,
    ELASTICACHE,
    OPENSEARCH,
    MSK,
    FARGATE,
    LAMBDA,
    EKS,
    REDSHIFT,
    /** Any other service: advice that holds everywhere. */
    ANY;

    private static final Pattern AURORA_WORDS = Pattern.compile("\\baurora\\b");
    private static final Pattern SERVERLESS_WORDS = Pattern.compile("\\bserverless v2\\b|\\bserverless-platform");

    /** The platform of a notice, from its service, the RDS engine that the API or the text names, and its code. */
    public static Platform of(Notice notice) {
        String service = notice.announcement().service() == null ? ""
                : notice.announcement().service().toUpperCase(Locale.ROOT);
        String code = notice.announcement().code() == null ? "" : notice.announcement().code();
        return switch (service) {
            case "EC2" -> EC2;
            case "RDS" -> rdsKind(notice, code);
            case "DOCDB", "DOCUMENTDB" -> DOCUMENTDB;
            case "NEPTUNE" -> NEPTUNE;
            case "ELASTICACHE" -> ELASTICACHE;
            case "ES", "OPENSEARCH" -> OPENSEARCH;
            case "KAFKA", "MSK" -> MSK;
            case "ECS", "FARGATE" -> FARGATE;
            case "LAMBDA" -> LAMBDA;
            case "EKS" -> EKS;
            case "REDSHIFT" -> REDSHIFT;
            default -> ANY;
        };
    }

    private static Platform rdsKind(Notice notice, String code) {
        String text = AnalysedText.of(notice.announcement().description()).lower();
        if (code.startsWith("serverless-platform") || SERVERLESS_WORDS.matcher(text).find()) {
            return AURORA_SERVERLESS;
        }
        for (DatabaseState db : notice.databases()) {
            if (db.engine() != null) {
                return db.engine().startsWith("aurora") ? AURORA : RDS;
            }
        }
        boolean clusterResource = notice.announcement().resources().stream().map(AffectedResource::arn)
                .anyMatch(arn -> arn != null && arn.contains(":cluster:"));
        return code.contains("AURORA") || clusterResource || AURORA_WORDS.matcher(text).find() ? AURORA : RDS;
    }
}
