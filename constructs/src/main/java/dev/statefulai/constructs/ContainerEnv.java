package dev.statefulai.constructs;

import dev.statefulai.facts.Credentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.EnvVarSource;
import org.cdk8s.plus28.k8s.SecretKeySelector;

/**
 * The {@code env} list of one container as the constructs write it, with the checks every container
 * gets: names the API server accepts, no credential in a plain value ({@link Credentials}), and each
 * name once. {@code Container.env} is a list keyed by name ({@code patchMergeKey=name} in k8s.io/api
 * core/v1 types.go, which server-side apply reads as the list's map key: kube-openapi
 * pkg/schemaconv/smd.go, getListElementRelationship), so an object with two entries of one name is
 * refused by server-side apply (Flux, Argo CD with ServerSideApply) and silently keeps the last one
 * with kubectl.
 */
public final class ContainerEnv {
    /** IsEnvVarName in k8s.io/apimachinery pkg/util/validation/validation.go (release-1.28), with hasChDirPrefix. */
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final String NAME_RULE =
            "an environment variable name: letters, digits, '_', '-' and '.', not starting with a digit or '..'";

    private final String construct;
    private final String container;
    private final String secretProps;
    /** Who set each name: the setter as messages name it, the prop a refusal names, and whether it is a plain variable. */
    private record Setter(String setter, String prop, boolean plain) {
    }

    private final Map<String, Setter> setBy = new HashMap<>();
    private final List<EnvVar> vars = new ArrayList<>();

    /**
     * @param container   how messages name the container, e.g. "container 'vllm'"
     * @param secretProps the props that take Secret references, for messages, e.g. "secretEnv"
     */
    public ContainerEnv(String construct, String container, String secretProps) {
        this.construct = construct;
        this.container = container;
        this.secretProps = secretProps;
    }

    /** A variable the construct sets itself. */
    public ContainerEnv own(String name, String value, String setter) {
        claim(name, new Setter(setter, name, false));
        vars.add(EnvVar.builder().name(name).value(value).build());
        return this;
    }

    /** The plain variables of prop {@code prop} (e.g. {@code env}), in the map's order. */
    public ContainerEnv plain(String prop, Map<String, String> env) {
        env.forEach((name, value) -> {
            String at = prop + "['" + name + "']";
            checkName(prop, name);
            String why = Credentials.inEnv(name, value);
            if (why != null) {
                throw new InvalidPropsException(construct, at, InvalidPropsException.HIDDEN,
                        "no credential in a plain variable (" + why + "): pass credentials with " + secretProps
                                + " (Secret references), which keep them out of the manifest");
            }
            claim(name, new Setter(at, at, true));
            vars.add(EnvVar.builder().name(name).value(value).build());
        });
        return this;
    }

    /** The variables of prop {@code prop} (e.g. {@code secretEnv}) read from Secret keys. */
    public ContainerEnv fromSecrets(String prop, List<SecretEnv> env) {
        for (int i = 0; i < env.size(); i++) {
            SecretEnv s = env.get(i);
            String at = prop + "[" + i + "].name";
            checkName(at, s.name());
            claim(s.name(), new Setter(prop + "[" + i + "]", at, false));
            vars.add(EnvVar.builder().name(s.name()).valueFrom(EnvVarSource.builder()
                    .secretKeyRef(SecretKeySelector.builder().name(s.secret()).key(s.key()).build()).build()).build());
        }
        return this;
    }

    /** The list, in the order the variables were added. */
    public List<EnvVar> vars() {
        return List.copyOf(vars);
    }

    private void checkName(String prop, String name) {
        if (name == null || !ENV_VAR_NAME.matcher(name).matches() || name.startsWith("..")) {
            throw new InvalidPropsException(construct, prop, name, NAME_RULE);
        }
    }

    /**
     * Records who sets {@code name}. A second setter is refused; when one of the two is a plain variable
     * (usually from values) the refusal names it, since that is the one to remove.
     */
    private void claim(String name, Setter next) {
        Setter first = setBy.putIfAbsent(name, next);
        if (first != null) {
            Setter refused = first.plain() && !next.plain() ? first : next;
            Setter other = refused == first ? next : first;
            throw new InvalidPropsException(construct, refused.prop(), name, "a name no other variable of " + container + " has ("
                    + other.setter() + " sets " + name + " too): env is a list keyed by name, and server-side apply refuses two "
                    + "entries of one name");
        }
    }
}
