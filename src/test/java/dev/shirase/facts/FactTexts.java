package dev.shirase.facts;

/**
 * English texts shaped like AWS's notices (AWS Health descriptions, RDS event messages, pending-maintenance
 * descriptions), written for these tests: the facts and sentence shapes of real notices, not their words.
 */
final class FactTexts {
    static final String AURORA_SECURITY_UPGRADE = """
            We are contacting you because one or more of your Amazon Aurora PostgreSQL-Compatible Edition clusters \
            run Aurora PostgreSQL 15.7, a minor version with known security issues. We recommend that you upgrade to \
            Aurora PostgreSQL 15.12 or higher. Beginning March 9, 2027, Amazon Aurora will automatically upgrade the \
            remaining clusters during your maintenance window on or after that date. Expect a few minutes of \
            downtime for each writer while it restarts.""";

    static final String RDS_MINOR_END_OF_SUPPORT = """
            Amazon RDS for PostgreSQL minor versions 13.9, 13.10 and 14.6 will reach the end of standard support on \
            April 30, 2027. We recommend that you upgrade databases that run these versions to 13.12 or later, or \
            14.9 or later, before April 30, 2027. Starting May 31, 2027, RDS will upgrade the remaining databases \
            during the scheduled maintenance window.""";

    static final String RDS_EXTENDED_SUPPORT = """
            RDS for PostgreSQL 12 will reach end of standard support on February 28, 2027. Databases still on \
            PostgreSQL 12 after that date are enrolled in RDS Extended Support, and charges will apply from \
            March 1, 2027. RDS Extended Support is priced per vCPU per hour. Year 1 and year 2 pricing applies until \
            February 28, 2029; year 3 pricing starts on March 1, 2029. To avoid these charges, upgrade to a newer \
            major version, such as RDS for PostgreSQL 17, before February 28, 2027.""";

    static final String LAMBDA_DEPRECATION = """
            We are contacting you because your account has one or more Lambda functions that use the Python 3.9 \
            runtime (python3.9). Lambda will end support for Python 3.9 on December 15, 2026, following the end of \
            life of the language version. After that date, Lambda no longer applies security patches to the runtime. \
            On February 1, 2027, Lambda will block function creation for python3.9, and on March 1, 2027 Lambda will \
            block function updates. We recommend that you upgrade your functions to Python 3.12.""";

    static final String EKS_END_OF_STANDARD_SUPPORT = """
            Amazon EKS Kubernetes version 1.29 will reach end of standard support on March 23, 2027. After that \
            date, clusters running 1.29 enter extended support, which is billed at an additional cost per cluster \
            hour. We recommend that you upgrade your clusters to Kubernetes version 1.32 before March 23, 2027. You \
            have 2 clusters running this version.""";

    static final String MSK_PATCHING = """
            Amazon MSK will apply security patches to the brokers of your cluster over the next three weeks. Brokers \
            are patched one at a time, and each broker is offline for a few minutes while it restarts. Your cluster \
            runs Apache Kafka version 3.5.1. No action is required, but make sure that your clients retry when a \
            broker restarts.""";

    static final String ELASTICACHE_UPDATE = """
            A service update, elasticache-20241011-001, is available for 3 of your ElastiCache for Redis OSS \
            clusters. It fixes CVE-2024-31449 and cve-2024-31228. We recommend that you apply the update by \
            November 30, 2026. If you have not applied it by then, ElastiCache applies it automatically during your \
            maintenance window after that date.""";

    static final String OPENSEARCH_UPDATE = """
            Service software update R20240101-P1 is available for your Amazon OpenSearch Service domain. This update \
            is required. If you do not start the update before January 20, 2027, OpenSearch Service will \
            automatically update the domain on or after that date in its off-peak window.""";

    static final String RDS_OS_UPDATE_NEXT_WINDOW = """
            An operating system update is available for 1 of your Amazon RDS DB instances. The update will be applied \
            during your next maintenance window. With Multi-AZ, the standby is updated first and the failover causes \
            60 to 120 seconds of downtime; Single-AZ instances are unavailable for up to 10 minutes.""";

    static final String RDS_OS_UPDATE_WEEKS = """
            Amazon RDS will apply an operating system update to your DB instances during their maintenance windows \
            over the next three weeks. No action is needed on your part.""";

    static final String EC2_REBOOT = """
            One of your Amazon EC2 instances, i-0abc123def4567890, is scheduled for a system reboot during the \
            window from December 10, 2026 at 02:00 UTC to December 10, 2026 at 04:00 UTC. The reboot typically \
            completes within a few minutes, but the instance is unavailable meanwhile.""";

    static final String CA_ROTATION = """
            Your Amazon RDS DB instances use the rds-ca-2019 certificate authority, which expires on August 22, 2027. \
            Update them to rds-ca-rsa2048-g1 before that date. When you apply the change, RDS restarts the database, \
            which causes a brief interruption of about 30 seconds, unless you choose a rotation that does not need a \
            restart.""";

    static final String AURORA_MYSQL_MAJOR = """
            Aurora MySQL version 2 (compatible with MySQL 5.7) reaches end of standard support on October 31, 2026. \
            Upgrade your clusters from Aurora MySQL 2.11.2 to Aurora MySQL 3.05.2 or later before that date, or RDS \
            Extended Support charges will apply.""";

    static final String DOCDB_COMING_WEEKS = """
            Amazon DocumentDB will apply a required patch to your instances in the coming weeks during your \
            scheduled maintenance window. Each instance restarts, which takes less than 5 minutes.""";

    static final String LAMBDA_RUNTIMES = """
            The following runtimes used by your functions reach end of support soon: Node.js 18.x (nodejs18.x), \
            Java 8 (java8.al2), .NET 6 (dotnet6) and Ruby 3.2. Move them to Node.js 22 before the dates listed in \
            the Lambda console.""";

    static final String PENDING_MAINTENANCE = "Upgrade to Aurora PostgreSQL 3.1.2";

    static final String RDS_EXTENDED_SUPPORT_ACU = """
            Aurora PostgreSQL 11 clusters enrolled in RDS Extended Support are charged per ACU per hour for Aurora \
            Serverless v2. Charges for RDS Extended Support start on April 1, 2027.""";

    private FactTexts() {
    }
}
