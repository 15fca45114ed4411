package org.pediconsult.reporting.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(pid = "org.pediconsult.reporting", name = "PediConsult pilot report")
public @interface ReportConfig {
    @AttributeDefinition(description = "Time zone of the report's calendar days (the pilot's zone)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Longest period one report may cover, in days")
    int max_days() default 800;

    @AttributeDefinition(description = "Reports computed at the same time; more wait, then get 503")
    int concurrent() default 2;

    @AttributeDefinition(description = "Fonts with Chinese glyphs for the PDF, first readable one wins (TrueType .ttf or .ttc)")
    String[] pdf_fonts() default {
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic/uming.ttc"
    };

    @AttributeDefinition(description = "Title of the report (Chinese)")
    String title_zh() default "儿童互联网首诊试点评估报告";

    @AttributeDefinition(description = "Title of the report (English)")
    String title_en() default "Pediatric online initial consultation pilot: evaluation report";
}
