<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Maillage: isochrone bands, a sequential green (near) to red (far) ramp. Written for the
     default four bands; the exporter rewrites the categories and colours for other limits. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="0">
  <renderer-v2 type="categorizedSymbol" attr="band" forceraster="0" symbollevels="0" enableorderby="0">
    <categories>
      <category render="true" symbol="0" value="1" label="0–10 min"/>
      <category render="true" symbol="1" value="2" label="10–20 min"/>
      <category render="true" symbol="2" value="3" label="20–30 min"/>
      <category render="true" symbol="3" value="4" label="&gt; 30 min"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="0.65" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="26,150,65,255"/>
          <prop k="outline_color" v="255,255,255,0"/>
          <prop k="outline_style" v="no"/>
          <prop k="outline_width" v="0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="0.65" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="166,217,106,255"/>
          <prop k="outline_color" v="255,255,255,0"/>
          <prop k="outline_style" v="no"/>
          <prop k="outline_width" v="0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="0.65" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="253,174,97,255"/>
          <prop k="outline_color" v="255,255,255,0"/>
          <prop k="outline_style" v="no"/>
          <prop k="outline_width" v="0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="0.65" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="215,25,28,255"/>
          <prop k="outline_color" v="255,255,255,0"/>
          <prop k="outline_style" v="no"/>
          <prop k="outline_width" v="0"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <previewExpression>"label"</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
