/**
 * What a PDF needs to declare itself PDF/A-2b, as far as pdf-lib lets us write it: an XMP metadata
 * stream that agrees with the Info dictionary, a document ID, and an sRGB output intent. The sRGB
 * profile is the one libvips carries inside (sharp embeds it on request), so no ICC file is shipped.
 * What pdf-lib cannot promise: that a copied page of an imported PDF conforms (fonts, transparency
 * groups, annotations come as the citizen's PDF had them).
 */
import type { PDFDocument } from 'pdf-lib';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';

export interface PdfaInfo {
  title: string;
  author: string;
  subject: string;
  producer: string;
  createdAt: Date;
  /** 32 hex digits, the same for the same content. */
  documentId: string;
}

let srgbProfile: Promise<Buffer> | null = null;

/** libvips' built-in sRGB ICC profile, taken from a one-pixel image it was embedded in. */
export function srgbIccProfile(): Promise<Buffer> {
  srgbProfile ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
    .withIccProfile('srgb')
    .png()
    .toBuffer()
    .then(async (png) => {
      const { icc } = await sharp(png).metadata();
      if (!icc) throw new Error('libvips did not embed its sRGB profile');
      return icc;
    });
  return srgbProfile;
}

export async function markPdfA(pdf: PDFDocument, info: PdfaInfo): Promise<void> {
  const { context, catalog } = pdf;
  pdf.setTitle(info.title, { showInWindowTitleBar: true });
  pdf.setAuthor(info.author);
  pdf.setSubject(info.subject);
  pdf.setProducer(info.producer);
  pdf.setCreator(info.producer);
  pdf.setCreationDate(info.createdAt);
  pdf.setModificationDate(info.createdAt);

  const xmp = context.stream(Buffer.from(xmpPacket(info), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const icc = await srgbIccProfile();
  const profile = context.register(context.flateStream(icc, { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  const id = PDFHexString.of(info.documentId);
  context.trailerInfo.ID = context.obj([id, id]);
}

/** ISO 8601 to the second, as XMP and the Info dictionary's D:… date must agree. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmpPacket(info: PdfaInfo): string {
  const date = xmpDate(info.createdAt);
  const uuid = info.documentId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${xml(info.producer)}</xmp:CreatorTool>
   <pdf:Producer>${xml(info.producer)}</pdf:Producer>
   <xmpMM:DocumentID>uuid:${uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:${uuid}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
