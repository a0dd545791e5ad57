package dev.shirase.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceIdsTest {

    @ParameterizedTest
    @CsvSource({
            "i-0abc1234def567890, i-0abc1234def567890",
            "i-1a2b3c4d, i-1a2b3c4d",
            "'  i-0abc1234def567890\n', i-0abc1234def567890",
            "arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0abc1234def567890, i-0abc1234def567890",
            "arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0abc1234def567890, i-0abc1234def567890",
            "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/i-1a2b3c4d, i-1a2b3c4d",
            // Health leaves the region or account out of some ARNs.
            "arn:aws:ec2:::instance/i-0abc1234def567890, i-0abc1234def567890",
    })
    void picksTheInstanceIdOfAnIdOrAnInstanceArn(String resource, String id) {
        assertThat(InstanceIds.fromResource(resource)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "i-",
            "i-123",
            "i-0abc1234def56789",             // 16 digits
            "i-0abc1234def5678901",           // 18 digits
            "i-0ABC1234DEF567890",            // EC2 writes ids in lowercase
            "i-0abc1234def56789g",
            "vol-0abc1234def567890",
            "orders-db",
            "host/i-0abc1234def567890",
            "arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-0abc1234def567890",
            "arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0abc1234def567890/extra",
            "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
            "xarn:aws:ec2:ap-northeast-1:123456789012:instance/i-0abc1234def567890",
    })
    void anythingElseNamesNoInstance(String resource) {
        assertThat(InstanceIds.fromResource(resource)).isEmpty();
        assertThat(InstanceIds.isInstanceId(resource)).isFalse();
    }

    @Test
    void nullNamesNoInstance() {
        assertThat(InstanceIds.fromResource(null)).isEmpty();
        assertThat(InstanceIds.isInstanceId(null)).isFalse();
    }

    @Test
    void anIdWithSpaceAroundIsNotAnIdAsIsButItsResourceNamesIt() {
        // isInstanceId is what EC2 is asked with, so it takes only the exact form.
        assertThat(InstanceIds.isInstanceId(" i-0abc1234def567890")).isFalse();
        assertThat(InstanceIds.fromResource(" i-0abc1234def567890")).contains("i-0abc1234def567890");
    }

    @Test
    void picksEachInstanceOnceInOrderLeavingOutOtherResources() {
        List<String> resources = Arrays.asList(
                "arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0bbbbbbbbbbbbbbbb",
                "vol-0abc1234def567890",
                "i-0aaaaaaaaaaaaaaaa",
                null,
                "i-0bbbbbbbbbbbbbbbb",
                "i-1a2b3c4d");

        assertThat(InstanceIds.fromResources(resources))
                .containsExactly("i-0bbbbbbbbbbbbbbbb", "i-0aaaaaaaaaaaaaaaa", "i-1a2b3c4d");
    }
}
