/**
 * WHO child growth z-scores for PediConsult: the WHO Child Growth Standards 2006 (0 to 5 years) and the
 * WHO Growth Reference 2007 (5 to 19 years), computed with WHO's LMS method exactly as WHO anthro and
 * anthroplus do, so that a z-score shown to a paediatrician matches the one WHO's own software gives.
 *
 * <p>Entry point: {@link org.pediconsult.growth.who.GrowthStandards#who()}. The package is a plain library
 * (no services, no configuration); the LMS tables ship inside the bundle as resources, with their
 * provenance in {@code PROVENANCE.md} beside them.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.pediconsult.growth.who;
