package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.FileCache;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An Amazon S3 bucket through Mountpoint for Amazon S3 ({@code s3.csi.aws.com}, static provisioning only).
 * The mount options are Mountpoint's flags ({@code region}, {@code prefix}, {@code metadata-ttl},
 * {@code allow-other}, {@code uid}, {@code gid}); the local cache is a volume the driver makes from the
 * volume attributes, an {@code emptyDir} with a size limit or a generic ephemeral volume of a StorageClass
 * (docs/CACHING.md), never unbounded. With {@code roleArn} pods use their own IAM role
 * ({@code authenticationSource: pod}): their ServiceAccount carries the IRSA annotation
 * {@code eks.amazonaws.com/role-arn}; without it the driver's own credentials read the bucket.
 */
@Value.Immutable
@PropsStyle
public abstract sealed class S3Bucket implements Bucket permits ImmutableS3Bucket {
    private static final String CONSTRUCT = "S3Bucket";
    private static final String BUCKET_RULE = "an S3 bucket name: 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with"
            + " a letter or digit";

    /** Required. The bucket's name. */
    @Nullable
    public abstract String bucket();

    /**
     * The bucket's region (mount option {@code region}); required with {@code roleArn}.
     *
     * @default Mountpoint detects it
     */
    @Nullable
    public abstract String region();

    /**
     * Mount only the keys under this prefix, ending in {@code /} (mount option {@code prefix}).
     *
     * @default the whole bucket
     */
    @Nullable
    public abstract String prefix();

    /**
     * How long metadata is cached (mount option {@code metadata-ttl}): seconds, {@code indefinite} for weights that
     * never change under a key, or {@code minimal}.
     *
     * @default Mountpoint's: {@code minimal}, 60 seconds with a cache
     */
    @Nullable
    public abstract String metadataTtl();

    /**
     * Let users other than the mounting one read the files (mount option {@code allow-other}).
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean allowOther() {
        return false;
    }

    /** The files' owner (mount option {@code uid}); set with {@link Builder#owner}. */
    @Nullable
    public abstract Integer uid();

    /** The files' group (mount option {@code gid}); set with {@link Builder#owner}. */
    @Nullable
    public abstract Integer gid();

    /**
     * The IAM role pods read the bucket with ({@code authenticationSource: pod}, IRSA annotation on their ServiceAccount).
     *
     * @default none: the driver's credentials
     */
    @Nullable
    public abstract String roleArn();

    /** The local cache's size; set with {@link Builder#cache} or {@link Builder#cacheOn}. */
    @Nullable
    public abstract String cacheSize();

    /** The StorageClass of the cache's ephemeral volume; set with {@link Builder#cacheOn}. */
    @Nullable
    public abstract String cacheStorageClass();

    /** Whether the {@code emptyDir} cache is on tmpfs; set with {@link Builder#cache}. */
    @Value.Default
    public boolean cacheInMemory() {
        return false;
    }

    /** Refuses what the driver does not take. */
    @Value.Check
    protected void check() {
        Checks.required(CONSTRUCT, "bucket", bucket(), n -> n.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), BUCKET_RULE);
        Checks.optional(CONSTRUCT, "region", region(), r -> r.matches("[a-z]{2}(-[a-z]+)+-[0-9]"), "an AWS region such as us-east-1");
        // Mountpoint: "--prefix <PREFIX>  Prefix inside the bucket to mount, ending in '/'".
        Checks.optional(CONSTRUCT, "prefix", prefix(), p -> p.endsWith("/") && !p.startsWith("/") && !p.contains("//"),
                "a key prefix ending in '/', such as models/llama-3.1-8b/");
        Checks.optional(CONSTRUCT, "metadataTtl", metadataTtl(), t -> t.matches("indefinite|minimal|[1-9][0-9]{0,9}"),
                "seconds, indefinite (entries never expire: for objects that never change) or minimal");
        Checks.optional(CONSTRUCT, "roleArn", roleArn(), a -> a.matches("arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+"),
                "the ARN of an IAM role, such as arn:aws:iam::111122223333:role/model-reader");
        if (roleArn() != null && region() == null) {
            Checks.refuse(CONSTRUCT, "region", null, "the bucket's region with roleArn: pod-level credentials need the STS region");
        }
        if (cacheSize() != null) {
            Validate.size(CONSTRUCT, "cacheSize", cacheSize());
            if (cacheStorageClass() != null) {
                Validate.dnsSubdomain(CONSTRUCT, "cacheStorageClass", cacheStorageClass());
            }
            if (cacheStorageClass() != null && cacheInMemory()) {
                Checks.refuse(CONSTRUCT, "cacheInMemory", true, "false for a cache on a StorageClass's volume");
            }
        } else if (cacheStorageClass() != null || cacheInMemory()) {
            Checks.refuse(CONSTRUCT, "cacheSize", null, "the cache's size: a file cache needs a volume of a given size to live on");
        }
        if (uid() != null) {
            Validate.atLeast(CONSTRUCT, "uid", uid(), 0);
        }
        if (gid() != null) {
            Validate.atLeast(CONSTRUCT, "gid", gid(), 0);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StorageDriver driver() {
        return AwsDrivers.S3_MOUNTPOINT;
    }

    @Override
    public String displayName() {
        return "s3://" + bucket() + "/" + (prefix() == null ? "" : prefix());
    }

    /** Mountpoint processes a volume once per handle: the PersistentVolume's name is unique in the cluster. */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return persistentVolumeName;
    }

    @Override
    public Map<String, String> volumeAttributes() {
        FileCache.DriverVolume cache = (FileCache.DriverVolume) mount().fileCache();
        boolean ephemeral = cacheStorageClass() != null;
        String type = cacheSize() == null ? null : ephemeral ? cache.ephemeral() : cache.emptyDir();
        return VolumeAttributes.of(driver(), "bucketName", bucket(),
                "authenticationSource", roleArn() == null ? null : "pod",
                "stsRegion", roleArn() == null ? null : region(),
                cache.typeAttribute(), type,
                cache.emptyDirSizeAttribute(), type != null && !ephemeral ? cacheSize() : null,
                "cacheEmptyDirMedium", type != null && !ephemeral && cacheInMemory() ? "Memory" : null,
                cache.ephemeralClassAttribute(), ephemeral ? cacheStorageClass() : null,
                cache.ephemeralSizeAttribute(), ephemeral ? cacheSize() : null);
    }

    @Override
    public List<String> mountOptions() {
        List<String> options = new ArrayList<>();
        if (region() != null) {
            options.add("region " + region());
        }
        if (prefix() != null) {
            options.add("prefix " + prefix());
        }
        if (metadataTtl() != null) {
            options.add("metadata-ttl " + metadataTtl());
        }
        if (allowOther()) {
            options.add("allow-other");
        }
        if (uid() != null) {
            options.add("uid=" + uid());
        }
        if (gid() != null) {
            options.add("gid=" + gid());
        }
        return options;
    }

    /** The IAM role pods read the bucket with, named by the IRSA annotation on their ServiceAccount. */
    @Override
    public String podPrincipal() {
        return roleArn();
    }

    /** Builder for {@link S3Bucket}. */
    public static final class Builder extends ImmutableS3Bucket.Builder {
        /**
         * The files' owner and group (mount options {@code uid} and {@code gid}). The driver honors the pod's
         * {@code fsGroup} already.
         *
         * @default Mountpoint's
         */
        public Builder owner(Integer uid, Integer gid) {
            return uid(uid).gid(gid);
        }

        /**
         * A local cache of {@code size}: an {@code emptyDir} with that size limit ({@code cache: emptyDir},
         * {@code cacheEmptyDirSizeLimit}), on disk or with {@code inMemory} on tmpfs (counted against memory).
         *
         * @default no cache
         */
        public Builder cache(String size, boolean inMemory) {
            return cacheSize(size).cacheInMemory(inMemory);
        }

        /**
         * A local cache of {@code size} on a generic ephemeral volume of {@code storageClass} ({@code cache: ephemeral}),
         * e.g. local NVMe or an EBS class with {@code Delete}.
         *
         * @default no cache
         */
        public Builder cacheOn(String storageClass, String size) {
            return cacheStorageClass(storageClass).cacheSize(size);
        }
    }
}
