package dev.shirase.render;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import dev.shirase.scan.RdsArn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Where the reader goes next: the AWS Health dashboard event and the service console. */
final class Links {
    /** Up to this many resources get a link each; more get one link to the list. */
    private static final int PER_RESOURCE_LINKS = 5;
    /** The AWS Health dashboard's list of the account's scheduled changes. */
    static final String SCHEDULED_CHANGES = "https://health.aws.amazon.com/health/home#/account/dashboard/scheduled-changes";

    record Link(String label, String url) {
    }

    private Links() {
    }

    static List<Link> of(Notice notice) {
        Announcement a = notice.announcement();
        List<Link> links = new ArrayList<>();
        // An ARN too long to be real would make the link as long; the event log still lists the event.
        if (a.eventArn() != null && a.eventArn().length() > Shorten.MAX_ID_CHARS) {
            links.add(new Link("AWS Health ダッシュボード", "https://health.aws.amazon.com/health/home#/account/event-log"));
        } else if (a.eventArn() != null) {
            links.add(new Link("AWS Health ダッシュボード",
                    "https://health.aws.amazon.com/health/home#/account/event-log?eventID=" + a.eventArn()
                            + "&eventTab=details"));
        } else if (a.origin() == dev.shirase.notice.Origin.HEALTH_EVENT) {
            links.add(new Link("AWS Health ダッシュボード", SCHEDULED_CHANGES));
        }
        String region = a.region();
        if (!Regions.isRegionCode(region)) {
            return links;
        }
        String console = "https://" + region + ".console.aws.amazon.com/";
        if ("RDS".equals(a.service())) {
            List<AffectedResource> resources = a.resources();
            Set<String> clusters = notice.databases().stream().filter(DatabaseState::cluster).map(DatabaseState::id)
                    .collect(Collectors.toSet());
            if (!resources.isEmpty() && resources.size() <= PER_RESOURCE_LINKS
                    && resources.stream().allMatch(r -> r.id().length() <= Shorten.MAX_ID_CHARS)) {
                for (AffectedResource r : resources) {
                    boolean cluster = clusters.contains(r.id()) || (r.arn() != null && r.arn().contains(":cluster:"));
                    String id = RdsArn.parse(r.id()).name();
                    links.add(new Link("RDS コンソール (" + id + ")", console + "rds/home?region=" + region
                            + "#database:id=" + id + ";is-cluster=" + cluster));
                }
            } else {
                links.add(new Link("RDS コンソール", console + "rds/home?region=" + region + "#databases:"));
            }
        } else if ("EC2".equals(a.service())) {
            links.add(new Link("EC2 コンソール (スケジュールされたイベント)", console + "ec2/home?region=" + region + "#Events:"));
        }
        return links;
    }
}
