package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;

/**
 * The customer-managed key props that backends of one cloud declare alike: the props class implements the interface,
 * and its generated builder takes the prop as if the class declared it. Each backend checks the key against its catalog
 * entry's class parameter and writes it there.
 */
public final class EncryptionKeyProps {
    private EncryptionKeyProps() {
    }

    /** A Google Cloud backend that encrypts with a Cloud KMS key (PD disks, Hyperdisk ML, Filestore instances). */
    public interface CloudKmsKey {
        /**
         * A customer-managed Cloud KMS key, {@code projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>}: the class
         * parameter {@code disk-encryption-kms-key} of PD and Hyperdisk disks, {@code instance-encryption-kms-key} of
         * Filestore instances.
         *
         * @default a Google-managed key
         */
        @Nullable
        String kmsKey();
    }

    /** An AWS backend that encrypts with a KMS key (EBS volumes, persistent FSx for Lustre file systems). */
    public interface AwsKmsKey {
        /**
         * The ARN of the KMS key (or alias) that encrypts the volumes, the class parameter {@code kmsKeyId}: EBS takes it only
         * with {@code encrypted(true)}, FSx for Lustre only for a persistent deployment type.
         *
         * @default an AWS-managed key: the account's default EBS key, or the FSx-managed key
         */
        @Nullable
        String kmsKeyId();
    }
}
