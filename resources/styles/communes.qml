<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Maillage: commune outlines with their names; a commune whose town hall is beyond the
     threshold is drawn in red with a light hatch. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="RuleRenderer" forceraster="0" symbollevels="0" enableorderby="0">
    <rules key="{5b2f5d0e-2c44-4d3a-9a63-4a3b0c1d0001}">
      <rule key="{5b2f5d0e-2c44-4d3a-9a63-4a3b0c1d0002}" filter="&quot;town_hall_beyond&quot; = 1" symbol="0" label="Mairie au-delà du seuil"/>
      <rule key="{5b2f5d0e-2c44-4d3a-9a63-4a3b0c1d0003}" filter="ELSE" symbol="1" label="Commune"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="LinePatternFill" enabled="1" locked="0" pass="0">
          <prop k="angle" v="45"/>
          <prop k="color" v="200,30,30,255"/>
          <prop k="distance" v="2"/>
          <prop k="distance_unit" v="MM"/>
          <prop k="line_width" v="0.2"/>
          <prop k="line_width_unit" v="MM"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <symbol type="line" name="@0@0" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleLine" enabled="1" locked="0" pass="0">
              <prop k="line_color" v="200,30,30,120"/>
              <prop k="line_style" v="solid"/>
              <prop k="line_width" v="0.2"/>
              <prop k="line_width_unit" v="MM"/>
            </layer>
          </symbol>
        </layer>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="255,255,255,0"/>
          <prop k="outline_color" v="200,30,30,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.5"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="no"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="255,255,255,0"/>
          <prop k="outline_color" v="90,90,90,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.26"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="no"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="Sans Serif" fontSize="8" fontSizeUnit="Point" fontWeight="50" fontItalic="0" textColor="50,50,50,255" textOpacity="1" namedStyle="Regular" multilineHeight="1" previewBkgrdColor="255,255,255,255" blendMode="0" allowHtml="0" capitalization="0">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="0" multilineAlign="3" plussign="0" reverseDirectionSymbol="0" formatNumbers="0" decimals="3" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" addDirectionSymbol="0" placeDirectionSymbol="0"/>
      <placement placement="1" placementFlags="10" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" offsetType="0" xOffset="0" yOffset="0" offsetUnits="MM" dist="0" distUnits="MM" priority="5" quadOffset="4" repeatDistance="0" repeatDistanceUnits="MM" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" rotationAngle="0" preserveRotation="1"/>
      <rendering obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" drawLabels="1" labelPerPart="0" mergeLines="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" scaleVisibility="0" scaleMin="0" scaleMax="0" fontLimitPixelSize="0" fontMinPixelSize="3" fontMaxPixelSize="10000" upsidedownLabels="0" zIndex="0"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <previewExpression>"name"</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
