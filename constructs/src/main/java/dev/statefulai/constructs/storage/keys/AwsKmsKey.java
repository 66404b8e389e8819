package dev.statefulai.constructs.storage.keys;

import dev.statefulai.constructs.Nullable;

/**
 * The key prop of the AWS backends that encrypt with a KMS key (EBS volumes, persistent FSx for Lustre file systems),
 * declared once: a props class implements it and its generated builder takes {@code kmsKeyId(..)}. Each backend checks
 * the key against its catalog entry's class parameter {@code kmsKeyId} and writes it there.
 */
public interface AwsKmsKey {
    /**
     * The ARN of the KMS key (or alias) that encrypts the volumes, the class parameter {@code kmsKeyId}: EBS takes it only with
     * {@code encrypted(true)}, FSx for Lustre only for a persistent deployment type.
     *
     * @default an AWS-managed key: the account's default EBS key, or the FSx-managed key
     */
    @Nullable
    String kmsKeyId();
}
