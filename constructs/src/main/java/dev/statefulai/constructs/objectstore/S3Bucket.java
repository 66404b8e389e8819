package dev.statefulai.constructs.objectstore;

import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.drivers.AwsDrivers;
import dev.statefulai.facts.drivers.FileCache;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Amazon S3 bucket through Mountpoint for Amazon S3 ({@code s3.csi.aws.com}, static provisioning only).
 * The mount options are Mountpoint's flags ({@code region}, {@code prefix}, {@code metadata-ttl},
 * {@code allow-other}, {@code uid}, {@code gid}); the local cache is a volume the driver makes from the
 * volume attributes, an {@code emptyDir} with a size limit or a generic ephemeral volume of a StorageClass
 * (docs/CACHING.md), never unbounded. With {@code roleArn} pods use their own IAM role
 * ({@code authenticationSource: pod}): their ServiceAccount carries the IRSA annotation
 * {@code eks.amazonaws.com/role-arn}; without it the driver's own credentials read the bucket.
 */
public final class S3Bucket implements Bucket {
    private static final String CONSTRUCT = "S3Bucket";
    private static final String BUCKET_RULE = "an S3 bucket name: 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with"
            + " a letter or digit";

    private final Props b;

    private record Props(String bucket, String region, String prefix, String metadataTtl, boolean allowOther, Integer uid, Integer gid,
                         String roleArn, String cacheSize, String cacheStorageClass, boolean cacheInMemory) {
    }

    private S3Bucket(Props b) {
        BucketChecks.required(CONSTRUCT, "bucket", b.bucket(), n -> n.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), BUCKET_RULE);
        BucketChecks.optional(CONSTRUCT, "region", b.region(), r -> r.matches("[a-z]{2}(-[a-z]+)+-[0-9]"), "an AWS region such as us-east-1");
        // Mountpoint: "--prefix <PREFIX>  Prefix inside the bucket to mount, ending in '/'".
        BucketChecks.optional(CONSTRUCT, "prefix", b.prefix(), p -> p.endsWith("/") && !p.startsWith("/") && !p.contains("//"),
                "a key prefix ending in '/', such as models/llama-3.1-8b/");
        BucketChecks.optional(CONSTRUCT, "metadataTtl", b.metadataTtl(), t -> t.matches("indefinite|minimal|[1-9][0-9]{0,9}"),
                "seconds, indefinite (entries never expire: for objects that never change) or minimal");
        BucketChecks.optional(CONSTRUCT, "roleArn", b.roleArn(), a -> a.matches("arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+"),
                "the ARN of an IAM role, such as arn:aws:iam::111122223333:role/model-reader");
        if (b.roleArn() != null && b.region() == null) {
            BucketChecks.refuse(CONSTRUCT, "region", null, "the bucket's region with roleArn: pod-level credentials need the STS region");
        }
        if (b.cacheSize() != null) {
            Validate.size(CONSTRUCT, "cacheSize", b.cacheSize());
            if (b.cacheStorageClass() != null) {
                Validate.dnsSubdomain(CONSTRUCT, "cacheStorageClass", b.cacheStorageClass());
            }
            if (b.cacheStorageClass() != null && b.cacheInMemory()) {
                BucketChecks.refuse(CONSTRUCT, "cacheInMemory", true, "false for a cache on a StorageClass's volume");
            }
        } else if (b.cacheStorageClass() != null || b.cacheInMemory()) {
            BucketChecks.refuse(CONSTRUCT, "cacheSize", null, "the cache's size: a file cache needs a volume of a given size to live on");
        }
        if (b.uid() != null) {
            Validate.atLeast(CONSTRUCT, "uid", b.uid(), 0);
        }
        if (b.gid() != null) {
            Validate.atLeast(CONSTRUCT, "gid", b.gid(), 0);
        }
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static FileCache.DriverVolume cache() {
        return (FileCache.DriverVolume) AwsDrivers.S3_MOUNTPOINT.bucket().orElseThrow().fileCache();
    }

    @Override
    public StorageDriver driver() {
        return AwsDrivers.S3_MOUNTPOINT;
    }

    @Override
    public String displayName() {
        return "s3://" + b.bucket() + "/" + (b.prefix() == null ? "" : b.prefix());
    }

    /** Mountpoint processes a volume once per handle: the PersistentVolume's name is unique in the cluster. */
    @Override
    public String volumeHandle(String persistentVolumeName) {
        return persistentVolumeName;
    }

    @Override
    public Map<String, String> volumeAttributes() {
        FileCache.DriverVolume cache = cache();
        boolean ephemeral = b.cacheStorageClass() != null;
        String type = b.cacheSize() == null ? null : ephemeral ? cache.ephemeral() : cache.emptyDir();
        return BucketChecks.attributes(driver(), "bucketName", b.bucket(),
                "authenticationSource", b.roleArn() == null ? null : "pod",
                "stsRegion", b.roleArn() == null ? null : b.region(),
                cache.typeAttribute(), type,
                cache.emptyDirSizeAttribute(), type != null && !ephemeral ? b.cacheSize() : null,
                "cacheEmptyDirMedium", type != null && !ephemeral && b.cacheInMemory() ? "Memory" : null,
                cache.ephemeralClassAttribute(), ephemeral ? b.cacheStorageClass() : null,
                cache.ephemeralSizeAttribute(), ephemeral ? b.cacheSize() : null);
    }

    @Override
    public List<String> mountOptions() {
        List<String> options = new ArrayList<>();
        if (b.region() != null) {
            options.add("region " + b.region());
        }
        if (b.prefix() != null) {
            options.add("prefix " + b.prefix());
        }
        if (b.metadataTtl() != null) {
            options.add("metadata-ttl " + b.metadataTtl());
        }
        if (b.allowOther()) {
            options.add("allow-other");
        }
        if (b.uid() != null) {
            options.add("uid=" + b.uid());
        }
        if (b.gid() != null) {
            options.add("gid=" + b.gid());
        }
        return options;
    }

    @Override
    public Map<String, String> serviceAccountAnnotations() {
        return b.roleArn() == null ? Map.of() : Map.of(mount().serviceAccountAnnotation().orElseThrow(), b.roleArn());
    }

    @Override
    public boolean podIdentity() {
        return b.roleArn() != null;
    }

    /** Builder for {@link S3Bucket}. */
    public static final class Builder {
        private String bucket;
        private String region;
        private String prefix;
        private String metadataTtl;
        private boolean allowOther;
        private Integer uid;
        private Integer gid;
        private String roleArn;
        private String cacheSize;
        private String cacheStorageClass;
        private boolean cacheInMemory;

        private Builder() {
        }


        /** Required. The bucket's name. */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * The bucket's region (mount option {@code region}); required with {@code roleArn}.
         *
         * @default Mountpoint detects it
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Mount only the keys under this prefix, ending in {@code /} (mount option {@code prefix}).
         *
         * @default the whole bucket
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * How long metadata is cached (mount option {@code metadata-ttl}): seconds, {@code indefinite} for weights that
         * never change under a key, or {@code minimal}.
         *
         * @default Mountpoint's: {@code minimal}, 60 seconds with a cache
         */
        public Builder metadataTtl(String metadataTtl) {
            this.metadataTtl = metadataTtl;
            return this;
        }

        /**
         * Let users other than the mounting one read the files (mount option {@code allow-other}).
         *
         * @default {@code false}
         */
        public Builder allowOther(boolean allowOther) {
            this.allowOther = allowOther;
            return this;
        }

        /**
         * The files' owner and group (mount options {@code uid} and {@code gid}). The driver honors the pod's
         * {@code fsGroup} already.
         *
         * @default Mountpoint's
         */
        public Builder owner(Integer uid, Integer gid) {
            this.uid = uid;
            this.gid = gid;
            return this;
        }

        /**
         * The IAM role pods read the bucket with ({@code authenticationSource: pod}, IRSA annotation on their ServiceAccount).
         *
         * @default none: the driver's credentials
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**
         * A local cache of {@code size}: an {@code emptyDir} with that size limit ({@code cache: emptyDir},
         * {@code cacheEmptyDirSizeLimit}), on disk or with {@code inMemory} on tmpfs (counted against memory).
         *
         * @default no cache
         */
        public Builder cache(String size, boolean inMemory) {
            this.cacheSize = size;
            this.cacheInMemory = inMemory;
            return this;
        }

        /**
         * A local cache of {@code size} on a generic ephemeral volume of {@code storageClass} ({@code cache: ephemeral}),
         * e.g. local NVMe or an EBS class with {@code Delete}.
         *
         * @default no cache
         */
        public Builder cacheOn(String storageClass, String size) {
            this.cacheStorageClass = storageClass;
            this.cacheSize = size;
            return this;
        }

        public S3Bucket build() {
            return new S3Bucket(new Props(bucket, region, prefix, metadataTtl, allowOther, uid, gid, roleArn, cacheSize, cacheStorageClass,
                    cacheInMemory));
        }
    }
}
