package dev.shirase.scan;

/**
 * An RDS resource ARN: {@code arn:aws:rds:ap-northeast-1:123456789012:db:orders-db} or {@code ...:cluster:name}.
 *
 * @param arn     the ARN as given
 * @param region  its region
 * @param account its account
 * @param cluster true for a DB cluster
 * @param name    the DB instance or cluster identifier
 */
public record RdsArn(String arn, String region, String account, boolean cluster, String name) {

    /** Reads an RDS ARN; anything else comes back with only the text as name. */
    public static RdsArn parse(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length == 7 && parts[0].equals("arn") && parts[2].equals("rds")) {
            return new RdsArn(arn, parts[3], parts[4], parts[5].equals("cluster"), parts[6]);
        }
        return new RdsArn(arn, null, null, false, arn);
    }
}
