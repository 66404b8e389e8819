package dev.statefulai.app.values;

import dev.statefulai.constructs.ThreadScoped;
import java.util.function.Supplier;

/**
 * Which values key feeds which construct prop, told by the code that turns values into props (the shared
 * values types and an app's {@code define}), so that a prop a construct refuses is reported at the key it
 * came from. The synth listens while an app defines its chart and knows where in the values each record
 * was bound; outside a synth a feed is ignored.
 *
 * <p>A prop is named as the construct's refusal names it: {@code claimTemplates[1]} of {@code StatefulAIApp},
 * {@code size} of {@code ClaimTemplate 'data'}. A feed covers the prop and the props under it
 * ({@code claimTemplates[1].accessModes}), and an empty prop every prop of its construct; under a whole
 * record, {@code prop.x} is its key {@code x} when the values set it.
 */
public final class PropSources {
    /** Told each feed while the synth listens. */
    public interface Listener {
        /**
         * @param construct the construct as its refusals name it, e.g. {@code ClaimTemplate 'data'}; null: any
         * @param prop      the prop, e.g. {@code size} or {@code claimTemplates[0]}
         * @param values    the values record the prop comes from
         * @param key       the record's key that feeds it; null: the record as a whole
         */
        void feeds(String construct, String prop, Object values, String key);
    }

    private static final ThreadScoped<Listener> LISTENER = new ThreadScoped<>();

    private PropSources() {
    }

    /** Prop {@code prop} of any construct, and the props under it, come from the record {@code values}. */
    public static void feeds(String prop, Object values) {
        feeds(null, prop, values, null);
    }

    /** Prop {@code prop} of {@code construct} (null: any) comes from key {@code key} of the record {@code values}. */
    public static void feeds(String construct, String prop, Object values, String key) {
        Listener listener = LISTENER.get();
        if (listener != null && values != null) {
            listener.feeds(construct, prop, values, key);
        }
    }

    /** Runs {@code body} with {@code listener} told every feed on this thread. */
    public static <T> T listening(Listener listener, Supplier<T> body) {
        return LISTENER.with(listener, body);
    }
}
