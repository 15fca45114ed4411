package org.pediconsult.hl7.internal.inbound;

/**
 * How much structure one inbound message may have before HAPI parses it ({@link ParseBudget}). HAPI's
 * work and memory grow with this structure, not with the byte count: 25,000 repetitions in a 50 KB
 * frame took ~0.4 s and 10,000 repetitions of a person-name field ~57 MB of model; segments out of
 * the expected order cost time growing with the square of their number (4,000 took ~0.6 s, all on the
 * 2-core build machine). The defaults are 5 to 50 times what the largest public sample message has
 * (179 segments, 54 fields in a segment, 18 repetitions, 20 components, 3 subcomponents, 51 escape
 * characters, ~1,800 field values, ~9,000 separators); the costliest message within them took
 * 0.25-0.45 s to parse there (2,000 segments in random order), and its model can take ~90 MB.
 *
 * @param segments                 segments per message
 * @param fieldsPerSegment         fields in one segment
 * @param repetitionsPerField      repetitions of one field
 * @param componentsPerRepetition  components in one repetition of a field
 * @param subcomponentsPerComponent subcomponents in one component
 * @param values                   field values per message: every non-empty field, each repetition counted
 * @param separators               field, repetition, component and subcomponent separators per message
 * @param escapes                  escape sequences per message
 */
record FrameLimits(int segments, int fieldsPerSegment, int repetitionsPerField, int componentsPerRepetition,
                   int subcomponentsPerComponent, int values, int separators, int escapes) {

    static final FrameLimits DEFAULTS = new FrameLimits(2_000, 256, 1_000, 100, 100, 10_000, 100_000, 10_000);

    boolean positive() {
        return segments > 0 && fieldsPerSegment > 0 && repetitionsPerField > 0 && componentsPerRepetition > 0
                && subcomponentsPerComponent > 0 && values > 0 && separators > 0 && escapes > 0;
    }

    static FrameLimits of(InboundChannelConfig c) {
        return new FrameLimits(c.limit_segments(), c.limit_fields_per_segment(), c.limit_repetitions_per_field(),
                c.limit_components_per_repetition(), c.limit_subcomponents_per_component(), c.limit_values(),
                c.limit_separators(), c.limit_escapes());
    }
}
