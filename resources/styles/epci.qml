<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Maillage: EPCI outlines, thicker than communes, labelled with their names. -->
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0">
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="255,255,255,0"/>
          <prop k="outline_color" v="94,53,177,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.9"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="no"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="Sans Serif" fontSize="10" fontSizeUnit="Point" fontWeight="75" fontItalic="0" textColor="94,53,177,255" textOpacity="1" namedStyle="Bold" multilineHeight="1" previewBkgrdColor="255,255,255,255" blendMode="0" allowHtml="0" capitalization="0">
        <text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.85" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="20" multilineAlign="1" plussign="0" reverseDirectionSymbol="0" formatNumbers="0" decimals="3" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" addDirectionSymbol="0" placeDirectionSymbol="0"/>
      <placement placement="1" placementFlags="10" centroidInside="1" centroidWhole="1" fitInPolygonOnly="0" offsetType="0" xOffset="0" yOffset="0" offsetUnits="MM" dist="0" distUnits="MM" priority="8" quadOffset="4" repeatDistance="0" repeatDistanceUnits="MM" rotationAngle="0" preserveRotation="1"/>
      <rendering obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" drawLabels="1" labelPerPart="0" mergeLines="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" scaleVisibility="0" scaleMin="0" scaleMax="0" fontLimitPixelSize="0" fontMinPixelSize="3" fontMaxPixelSize="10000" upsidedownLabels="0" zIndex="1"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <previewExpression>"name"</previewExpression>
  <layerGeometryType>2</layerGeometryType>
</qgis>
