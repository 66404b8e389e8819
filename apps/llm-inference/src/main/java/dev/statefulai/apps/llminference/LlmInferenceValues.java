package dev.statefulai.apps.llminference;

import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.GitOpsValues;
import dev.statefulai.app.values.BucketValues;
import dev.statefulai.app.values.HydrateValues;
import dev.statefulai.app.values.LocalVolumeValues;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PodValues;
import dev.statefulai.app.values.ResourcesValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.StorageClassValues;
import dev.statefulai.app.values.WeightsValues;
import java.util.List;
import java.util.Map;

/**
 * Values of the model server. Keys left out keep the construct defaults.
 *
 * @param namespace             namespace of the server
 * @param image                 the vLLM image, pinned
 * @param model                 the model to serve (a Hugging Face id or a path in the cache)
 * @param replicas              number of servers
 * @param resources             CPU, memory and GPUs per server
 * @param gpuProduct            node label {@code nvidia.com/gpu.product} to run on
 * @param sharedMemory          size of {@code /dev/shm}; default: with 2+ GPUs half the memory request, at most 16Gi; else none
 * @param modelSize             size of the weights, e.g. {@code 16Gi} for 8B parameters in bf16: the startup probe's budget is
 *                              derived from it (see {@code ModelProbes})
 * @param startupTimeoutSeconds how long a model load may take before the pod is restarted; when given, wins over the budget
 *                              derived from {@code modelSize}
 * @param persistence           the model cache: one volume per replica, so that a restart finds the weights already downloaded
 * @param storageClass          a class to create for the cache (none: the class {@code persistence.storageClass} names, or the
 *                              cluster default)
 * @param localVolumes          local NVMe disks of the GPU nodes, one pre-provisioned volume each
 * @param prefill               download {@code model} from Hugging Face into the cache in an init container before the server
 *                              starts (with the {@code hfTokenSecret}), skipped when the cache already holds it; default false
 * @param prefillImage          image of that init container; default the server's {@code image}, which has huggingface_hub
 *                              and is on the node anyway
 * @param hfTokenSecret         name of the Secret with key {@code token} for gated models
 * @param extraArgs             more vLLM arguments
 * @param env                   more plain variables (HOME and HF_HOME come from the vLLM preset)
 * @param weights               where the weights come from; default {@code model} from Hugging Face, downloaded into the cache
 *                              ({@code --download-dir}); a bucket is streamed ({@code --load-format runai_streamer}), a shared
 *                              file system read eagerly, as the vLLM release in {@code image} allows; none with {@code bucket}
 *                              or {@code hydrate}, whose mounted weights vLLM reads as a shared file system
 * @param pod                   scratch directories, root file system, image pull policy and digests, spread over nodes
 * @param bucket                serve the weights from this bucket, mounted read-only by every replica (no cache, no prefill);
 *                              with {@code hydrate}, the bucket the fill Job copies from
 * @param hydrate               serve the weights from a Hyperdisk ML volume filled once from {@code bucket} and restored
 *                              read-only in every zone
 * @param annotations           annotations on the StatefulSet, e.g. a reasoned waiver of a safety-gate rule
 * @param backup                scheduled backups; the model cache is left out (it is downloaded again), so only claims named
 *                              in {@code backup.claims} are backed up; none: no backups
 * @param gitOps                which objects Argo CD and Flux must never delete; default those that keep data
 */
public record LlmInferenceValues(@Rule(Rule.Kind.DNS_LABEL) String namespace, String image, String model,
                                 @Rule(Rule.Kind.POSITIVE) Integer replicas, ResourcesValues resources, String gpuProduct,
                                 @Rule(Rule.Kind.SIZE) String sharedMemory, @Rule(Rule.Kind.SIZE) String modelSize,
                                 @Rule(Rule.Kind.POSITIVE) Integer startupTimeoutSeconds,
                                 PersistenceValues persistence, StorageClassValues storageClass, List<LocalVolumeValues> localVolumes,
                                 Boolean prefill, String prefillImage, @Rule(Rule.Kind.DNS_SUBDOMAIN) String hfTokenSecret,
                                 List<String> extraArgs, Map<String, String> env, WeightsValues weights, PodValues pod,
                                 BucketValues bucket, HydrateValues hydrate, Map<String, String> annotations,
                                 BackupValues backup, GitOpsValues gitOps) {
}

