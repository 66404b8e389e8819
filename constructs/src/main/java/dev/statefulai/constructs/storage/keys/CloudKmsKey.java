package dev.statefulai.constructs.storage.keys;

import dev.statefulai.constructs.Nullable;

/**
 * The key prop of the Google Cloud backends that encrypt with a customer-managed Cloud KMS key (PD disks, Hyperdisk ML,
 * Filestore instances), declared once: a props class implements it and its generated builder takes {@code kmsKey(..)}.
 * Each backend checks the key against its catalog entry's class parameter and writes it there.
 */
public interface CloudKmsKey {
    /**
     * A customer-managed Cloud KMS key, {@code projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>}: the class parameter
     * {@code disk-encryption-kms-key} of PD and Hyperdisk disks, {@code instance-encryption-kms-key} of Filestore instances.
     *
     * @default a Google-managed key
     */
    @Nullable
    String kmsKey();
}
