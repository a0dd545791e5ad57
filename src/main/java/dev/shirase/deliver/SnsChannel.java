package dev.shirase.deliver;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.render.Outgoing;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** Publishes to the SNS topic: the Japanese text to email and SQS subscribers, a chat notification to https ones. */
public final class SnsChannel implements Channel {
    public static final String NAME = "sns";
    private final SnsClient sns;
    private final String topicArn;
    private final String name;

    /** The central topic, which receives every notice. */
    public SnsChannel(SnsClient sns, String topicArn) {
        this(sns, topicArn, NAME);
    }

    /** A topic under a name of its own: an account's extra topic ({@code sns:<topic ARN>}). */
    SnsChannel(SnsClient sns, String topicArn, String name) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery prepare(Outgoing notice) {
        String subject = notice.subject();
        String message = notice.snsMessage();
        return budget -> publish(subject, message, budget);
    }

    private void publish(String subject, String message, Budget budget) {
        try {
            PublishResponse response = sns.publish(p -> p
                    .topicArn(topicArn)
                    .subject(subject)
                    .messageStructure("json")
                    .message(message)
                    .overrideConfiguration(AwsClients.within(budget)));
            if (response.messageId() == null) {
                throw new DeliveryException("SNS returned no message id for " + topicArn, null);
            }
        } catch (SdkException | AwsClients.BudgetSpentException e) {
            throw new DeliveryException("SNS publish to " + topicArn + " failed: " + e.getMessage(), e);
        }
    }
}
