package dev.shirase.render;

import dev.shirase.advice.Platform;
import dev.shirase.classify.AnalysedText;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Short names for services and database engines, as a Japanese engineer would write them. */
final class Labels {
    private static final Map<String, String> SERVICES = Map.ofEntries(
            Map.entry("ELASTICACHE", "ElastiCache"),
            Map.entry("ES", "OpenSearch Service"),
            Map.entry("KAFKA", "MSK"),
            Map.entry("DOCDB", "DocumentDB"),
            Map.entry("NEPTUNE", "Neptune"),
            Map.entry("REDSHIFT", "Redshift"),
            Map.entry("LAMBDA", "Lambda"),
            Map.entry("APPRUNNER", "App Runner"),
            Map.entry("CLOUDFORMATION", "CloudFormation"),
            Map.entry("OPENSEARCH", "OpenSearch Service"),
            Map.entry("DIRECTCONNECT", "Direct Connect"),
            Map.entry("VPN", "Site-to-Site VPN"),
            Map.entry("BILLING", "AWS Billing"),
            Map.entry("ELASTICLOADBALANCING", "ELB"),
            Map.entry("SAGEMAKER", "SageMaker"),
            Map.entry("ELASTICBEANSTALK", "Elastic Beanstalk"),
            Map.entry("APIGATEWAY", "API Gateway"),
            Map.entry("DYNAMODB", "DynamoDB"),
            Map.entry("MQ", "Amazon MQ"),
            Map.entry("MEMORYDB", "MemoryDB"),
            Map.entry("WORKSPACES", "WorkSpaces"),
            Map.entry("ROUTE53", "Route 53"),
            Map.entry("CLOUDWATCH", "CloudWatch"),
            Map.entry("CLOUDFRONT", "CloudFront"),
            Map.entry("SECURITYHUB", "Security Hub"),
            Map.entry("GUARDDUTY", "GuardDuty"),
            Map.entry("SSM", "Systems Manager"),
            Map.entry("FSX", "FSx"),
            Map.entry("KINESIS", "Kinesis"),
            Map.entry("TRANSFER", "Transfer Family"),
            Map.entry("GLUE", "Glue"),
            Map.entry("EMR", "EMR"),
            Map.entry("RISK", "AWS"));

    private record Engine(Pattern words, String label) {
    }

    /** Most specific first: "Aurora PostgreSQL" before "PostgreSQL". */
    private static final List<Engine> ENGINES = List.of(
            engine("aurora[ -]postgresql", "Aurora PostgreSQL"),
            engine("aurora[ -]mysql", "Aurora MySQL"),
            engine("rds (for )?postgresql|\\bpostgresql\\b|\\bpostgres\\b", "RDS for PostgreSQL"),
            engine("rds (for )?mysql|\\bmysql\\b", "RDS for MySQL"),
            engine("rds (for )?mariadb|\\bmariadb\\b", "RDS for MariaDB"),
            engine("rds (for )?oracle|\\boracle\\b", "RDS for Oracle"),
            engine("rds (for )?sql server|\\bsql server\\b|\\bsqlserver\\b", "RDS for SQL Server"),
            engine("rds (for )?db2|\\bdb2\\b", "RDS for Db2"));

    private Labels() {
    }

    /** The service, or for RDS the engine the text or the database names ({@code Aurora PostgreSQL}). */
    static String service(Notice notice, Platform platform) {
        String service = notice.announcement().service();
        if ("RDS".equals(service)) {
            String engine = engine(notice);
            if (engine != null) {
                return engine;
            }
            return platform == Platform.AURORA || platform == Platform.AURORA_SERVERLESS
                    ? "Aurora" : "RDS";
        }
        if (service == null) {
            return "AWS";
        }
        return SERVICES.getOrDefault(service, service);
    }

    private static String engine(Notice notice) {
        for (DatabaseState db : notice.databases()) {
            String fromApi = db.engine() == null ? null : engineLabel(db.engine().replace('-', ' '));
            if (fromApi != null) {
                return fromApi;
            }
        }
        return engineLabel(notice.announcement().description());
    }

    /** The first of {@link #ENGINES} that the text names, read only as far as the classifier reads it. */
    private static String engineLabel(String text) {
        String lower = AnalysedText.of(text).lower();
        for (Engine e : ENGINES) {
            if (e.words().matcher(lower).find()) {
                return e.label();
            }
        }
        return null;
    }

    private static Engine engine(String regex, String label) {
        return new Engine(Pattern.compile(regex), label);
    }
}
