<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Maillage: referral links between levels; a link beyond the threshold is a red dashed line,
     orange dotted when a visio point serving the operator is within the threshold. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="0">
  <renderer-v2 type="RuleRenderer" forceraster="0" symbollevels="0" enableorderby="0">
    <rules key="{7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d0001}">
      <rule key="{7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d0002}" filter="&quot;beyond&quot; = 1 AND coalesce(&quot;visio_beyond&quot;, 1) = 1" symbol="0" label="Au-delà du seuil"/>
      <rule key="{7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d0004}" filter="&quot;beyond&quot; = 1 AND &quot;visio_beyond&quot; = 0" symbol="2" label="Au-delà du seuil, visio dans le seuil"/>
      <rule key="{7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d0003}" filter="ELSE" symbol="1" label="Dans le seuil"/>
    </rules>
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <prop k="capstyle" v="round"/>
          <prop k="customdash" v="3;1.5"/>
          <prop k="customdash_unit" v="MM"/>
          <prop k="line_color" v="215,25,28,255"/>
          <prop k="line_style" v="solid"/>
          <prop k="line_width" v="0.6"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="use_custom_dash" v="1"/>
        </layer>
      </symbol>
      <symbol type="line" name="1" alpha="0.8" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <prop k="capstyle" v="round"/>
          <prop k="line_color" v="100,130,150,255"/>
          <prop k="line_style" v="solid"/>
          <prop k="line_width" v="0.3"/>
          <prop k="line_width_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="line" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <prop k="capstyle" v="round"/>
          <prop k="customdash" v="1;1.5"/>
          <prop k="customdash_unit" v="MM"/>
          <prop k="line_color" v="241,134,39,255"/>
          <prop k="line_style" v="solid"/>
          <prop k="line_width" v="0.5"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="use_custom_dash" v="1"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <previewExpression>"from_name"</previewExpression>
  <layerGeometryType>1</layerGeometryType>
</qgis>
