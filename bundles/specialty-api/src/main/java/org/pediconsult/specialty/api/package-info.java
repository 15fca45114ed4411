/**
 * The specialty SPI: a specialty (growth &amp; development, nutrition, dermatology, later mental
 * health...) is one bundle that registers a {@link org.pediconsult.specialty.api.Specialty} service.
 * The consultation bundle discovers specialties through the service registry; nothing lists them by
 * name.
 *
 * <p>"SPI 2" (package version 1.4, additive: bundles built against 1.0-1.3 keep working): the typed
 * {@link org.pediconsult.specialty.api.ChildContext} in {@link org.pediconsult.specialty.api.AssessmentInput#context}
 * (age, sex, respondent, measurements, the hospital's observations, earlier consultations); questions
 * with codes, help, age bands and conditions; scored instruments
 * ({@link org.pediconsult.specialty.api.Specialty#scores}); triage with an
 * {@link org.pediconsult.specialty.api.Urgency} and a {@link org.pediconsult.specialty.api.Destination};
 * localized {@link org.pediconsult.specialty.api.FieldProblem}s. Whether a specialty is offered is not
 * the bundle's business: the pilot scope ({@code etc/org.pediconsult.consultation.cfg}) decides, live.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.pediconsult.specialty.api;
