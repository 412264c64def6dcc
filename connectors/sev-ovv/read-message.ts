import { parseXsDateTime, Violations } from './checks';
import { sevOvvError } from './errors';
import { STANDART, VERSION } from './format';
import type {
  SevAcknowledgement,
  SevApprover,
  SevAuthor,
  SevDocTransfer,
  SevDocument,
  SevHeader,
  SevMessage,
  SevOrganization,
  SevReference,
  SevRegNumber,
  SevSignInfo,
  SevTask,
} from './message';
import { childOf, childrenOf, type XmlElement } from './xml';

const BIT = ['0', '1'] as const;

function nonEmpty(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

function readRegNumber(el: XmlElement, v: Violations): SevRegNumber {
  return { number: el.text.trim(), date: v.date(el, 'regdate') ?? '' };
}

/** TypeOrganization: ogrn (xs:integer, required) is the ЄДРПОУ code; kept as text to keep leading zeros. */
function readOrganization(el: XmlElement, v: Violations): SevOrganization {
  const ogrn = v.required(el, 'ogrn', true)?.trim() ?? '';
  if (ogrn && !/^[+-]?\d+$/.test(ogrn)) v.add(`${el.path}/@ogrn`, `must be an integer (ЄДРПОУ), got "${ogrn}"`, `має бути цілим числом (код ЄДРПОУ); отримано «${ogrn}»`);
  return {
    ogrn,
    fullname: nonEmpty(el.attrs.fullname),
    shortname: nonEmpty(el.attrs.shortname),
    address: nonEmpty(childOf(el, 'Address')?.text),
  };
}

function personName(el: XmlElement): string | undefined {
  const name = childOf(el, 'Name');
  if (!name) return undefined;
  const parts = [name.attrs.secname, name.attrs.firstname, name.attrs.fathersname].map((p) => p?.trim()).filter(Boolean);
  return parts.length ? parts.join(' ') : nonEmpty(name.text);
}

function readHeader(root: XmlElement, v: Violations): SevHeader {
  const r = (name: string, nonBlank = false) => v.required(root, name, nonBlank)?.trim() ?? '';
  v.required(root, 'charset');
  const rawTime = v.required(root, 'time');
  const time = rawTime === undefined ? undefined : parseXsDateTime(rawTime);
  if (rawTime !== undefined && !time) v.add('/Header/@time', `must be a date and time (xs:dateTime), got "${rawTime}"`, `має бути датою й часом (xs:dateTime); отримано «${rawTime}»`);
  const msgType = v.oneOf(root, 'msg_type', ['0', '1', '2', '3', '4'], true);
  const msgAcknow = v.oneOf(root, 'msg_acknow', ['0', '1', '2'], false) ?? '0';
  const header: SevHeader = {
    time: time ?? '',
    msgType: msgType === undefined ? -1 : Number(msgType),
    msgId: r('msg_id', true),
    msgAcknow: Number(msgAcknow),
    fromOrgId: r('from_org_id', true),
    fromOrganization: r('from_organization'),
    fromSysId: r('from_sys_id', true),
    fromSystem: r('from_system'),
    toOrgId: r('to_org_id', true),
    toOrganization: r('to_organization'),
    toSysId: r('to_sys_id', true),
  };
  v.required(root, 'to_system');
  return header;
}

function readDocTransfer(el: XmlElement, v: Violations): SevDocTransfer {
  return {
    idnumber: v.required(el, 'idnumber', true)?.trim() ?? '',
    type: v.required(el, 'type')?.trim() ?? '',
    description: v.required(el, 'description')?.trim() ?? '',
    charSet: nonEmpty(el.attrs.char_set),
    base64: el.text,
    path: el.path,
  };
}

function readAuthor(el: XmlElement, v: Violations): SevAuthor {
  const org = childOf(el, 'Organization');
  const person = childOf(el, 'PrivatePerson');
  const out = childOf(el, 'OutNumber');
  const outReg = out ? v.child(out, 'RegNumber') : undefined;
  return {
    organization: org ? readOrganization(org, v) : undefined,
    personName: person ? personName(person) : undefined,
    outNumber: outReg ? readRegNumber(outReg, v) : undefined,
  };
}

/** TypeReferred: a link to a document (retype "д", with RegNumber) or a task ("з", with TaskNumber). */
function readReferred(el: XmlElement, v: Violations, addresseeOgrn?: string): SevReference | undefined {
  const retype = v.oneOf(el, 'retype', ['д', 'з'], true);
  const reg = childOf(el, 'RegNumber');
  const task = childOf(el, 'TaskNumber');
  if (!reg && !task) {
    v.add(`${el.path}/RegNumber`, 'a RegNumber or a TaskNumber is required', 'потрібен елемент RegNumber або TaskNumber');
    return undefined;
  }
  const number = (reg ?? task)?.text.trim() ?? '';
  const date = reg ? v.date(reg, 'regdate') : task ? v.date(task, 'taskDate') : undefined;
  return {
    ...(addresseeOgrn ? { addresseeOgrn } : {}),
    refersTo: retype === 'з' ? 'task' : 'document',
    ...(nonEmpty(el.attrs.idnumber) ? { idnumber: el.attrs.idnumber?.trim() } : {}),
    number,
    date: date ?? '',
  };
}

function readApprovers(doc: XmlElement, v: Violations): SevApprover[] {
  const approval = childOf(doc, 'Approval');
  const request = approval ? childOf(approval, 'ApprovalRequest') : undefined;
  if (!request) return [];
  return v.some(request, 'Approver').map((a) => {
    const org = childOf(a, 'Organization');
    return {
      idnumber: v.required(a, 'idnumber', true)?.trim() ?? '',
      ...(org ? { ogrn: readOrganization(org, v).ogrn } : {}),
      deadline: v.date(a, 'deadline') ?? '',
    };
  });
}

function readDocument(el: XmlElement, v: Violations, transfers: SevDocTransfer[]): SevDocument {
  const idnumber = v.required(el, 'idnumber', true)?.trim() ?? '';
  const type = v.oneOf(el, 'type', ['0', '1', '2'], true) ?? '';
  v.oneOf(el, 'collection', BIT, false);
  const purposeType = v.oneOf(el, 'purpose_type', ['0', '1', '2', '3', '4', '5', '6'], true) ?? '';
  const urgent = v.oneOf(el, 'urgent', BIT, true);
  const pages = v.integer(el, 'pages');
  const reg = v.child(el, 'RegNumber');
  const confident = v.child(el, 'Confident');
  const flag = confident ? v.oneOf(confident, 'flag', BIT, true) : undefined;
  for (const t of childrenOf(el, 'DocTransfer')) transfers.push(readDocTransfer(t, v));
  const authors = v.some(el, 'Author').map((a) => readAuthor(a, v));
  v.child(el, 'Writer');
  for (const val of childrenOf(el, 'Validator')) v.required(val, 'attestation');
  const references: SevReference[] = [];
  for (const addressee of childrenOf(el, 'Addressee')) {
    v.oneOf(addressee, 'type', BIT, true);
    const org = childOf(addressee, 'Organization');
    const ogrn = org ? readOrganization(org, v).ogrn : undefined;
    for (const ref of childrenOf(addressee, 'Referred')) {
      const r = readReferred(ref, v, ogrn);
      if (r) references.push(r);
    }
  }
  return {
    idnumber,
    type,
    kind: nonEmpty(el.attrs.kind),
    title: nonEmpty(el.attrs.title),
    annotation: nonEmpty(el.attrs.annotation),
    ...(pages !== undefined ? { pages } : {}),
    purposeType,
    urgent: urgent === '1',
    regNumber: reg ? readRegNumber(reg, v) : { number: '', date: '' },
    confidential: flag === '1',
    authors,
    references,
    approvers: readApprovers(el, v),
  };
}

function readTask(el: XmlElement, v: Violations, transfers: SevDocTransfer[]): SevTask {
  const idnumber = v.required(el, 'idnumber', true)?.trim() ?? '';
  v.oneOf(el, 'task_reg', BIT, true);
  v.oneOf(el, 'task_copy', BIT, true);
  const text = v.required(el, 'task_text') ?? '';
  const deadline = v.date(el, 'deadline') ?? '';
  const control = v.oneOf(el, 'referred-control', BIT, true);
  const taskNumber = v.child(el, 'TaskNumber');
  const taskDate = taskNumber ? v.date(taskNumber, 'taskDate') : undefined;
  const confident = v.child(el, 'Confident');
  if (confident) v.oneOf(confident, 'flag', BIT, true);
  for (const ref of v.some(el, 'Referred')) readReferred(ref, v);
  for (const author of v.some(el, 'Author')) {
    const org = v.child(author, 'Organization');
    if (org) readOrganization(org, v);
  }
  for (const t of childrenOf(el, 'DocTransfer')) transfers.push(readDocTransfer(t, v));
  const executors = v.some(el, 'Executor').map((ex) => {
    const org = v.child(ex, 'Organization');
    const organization = org ? readOrganization(org, v) : undefined;
    const responsible = v.oneOf(ex, 'responsible', ['0', '1', '2'], false);
    const name = organization?.fullname ?? organization?.shortname;
    return {
      ogrn: organization?.ogrn ?? '',
      ...(name ? { name } : {}),
      ...(responsible !== undefined ? { responsible } : {}),
      deadline: v.date(ex, 'deadline') ?? '',
    };
  });
  return {
    idnumber,
    text: text.trim(),
    deadline,
    onControl: control === '1',
    ...(nonEmpty(el.attrs.kind) ? { kind: el.attrs.kind?.trim() } : {}),
    ...(nonEmpty(taskNumber?.text) ? { taskNumber: taskNumber?.text.trim() } : {}),
    ...(taskDate ? { taskDate } : {}),
    executors,
  };
}

function readSignatures(expansion: XmlElement, v: Violations): SevSignInfo[] {
  v.required(expansion, 'organization');
  v.required(expansion, 'exp_ver');
  const stat = v.child(expansion, 'StaticExpansion');
  if (!stat) return [];
  return childrenOf(stat, 'SignInfo').map((si) => {
    const signData = v.child(si, 'SignData');
    const timeEl = childOf(si, 'SigningTime');
    const signingTime = timeEl ? parseXsDateTime(timeEl.text) : undefined;
    if (timeEl && !signingTime) v.add(timeEl.path, `must be a date and time (xs:dateTime), got "${timeEl.text}"`, `має бути датою й часом (xs:dateTime); отримано «${timeEl.text}»`);
    if (signData && !signData.text.trim()) v.add(signData.path, 'must not be empty', 'не може бути порожнім');
    return {
      docTransferId: v.required(si, 'docTransfer_idnumber', true)?.trim() ?? '',
      signData: signData?.text ?? '',
      ...(signingTime ? { signingTime } : {}),
      hasCertificate: Boolean(childOf(si, 'CertificateData')?.text.trim()),
      path: si.path,
    };
  });
}

function readAcknowledgement(el: XmlElement, v: Violations): SevAcknowledgement {
  const reg = childOf(el, 'RegNumber');
  return {
    msgId: v.required(el, 'msg_id', true)?.trim() ?? '',
    ackType: v.oneOf(el, 'ack_type', ['1', '2', '3', '4'], true) ?? '',
    ...(reg ? { regNumber: readRegNumber(reg, v) } : {}),
    results: v.some(el, 'AckResult').map((r) => {
      const errorcode = v.required(r, 'errorcode')?.trim() ?? '';
      if (errorcode && !/^[+-]?\d+$/.test(errorcode)) v.add(`${r.path}/@errorcode`, `must be an integer, got "${errorcode}"`, `має бути цілим числом; отримано «${errorcode}»`);
      return { errorcode, errortext: v.required(r, 'errortext') ?? '' };
    }),
  };
}

function checkTransfersAndSignatures(transfers: SevDocTransfer[], signatures: SevSignInfo[], v: Violations): void {
  const seen = new Set<string>();
  for (const t of transfers) {
    if (t.idnumber && seen.has(t.idnumber)) v.add(`${t.path}/@idnumber`, `duplicate DocTransfer idnumber "${t.idnumber}"`, `idnumber «${t.idnumber}» уже має інший DocTransfer`);
    seen.add(t.idnumber);
  }
  for (const s of signatures) {
    if (s.docTransferId && !seen.has(s.docTransferId)) {
      v.add(`${s.path}/@docTransfer_idnumber`, `no DocTransfer with idnumber "${s.docTransferId}" in the message`, `у повідомленні немає DocTransfer з idnumber «${s.docTransferId}»`);
    }
  }
}

/**
 * Reads a parsed message, checking what the XSD (Order1207_1.5_v.2.2.xsd) requires of the parts
 * the hub uses. Wrong root → SEV_OVV_INVALID_MESSAGE; standart/version other than 1207/1.5 →
 * SEV_OVV_UNSUPPORTED_VERSION (a different version may mean a different structure, so nothing
 * else is read); every other departure → one SEV_OVV_INVALID_MESSAGE listing all paths.
 */
export function readSevMessage(root: XmlElement): SevMessage {
  if (root.name !== 'Header') {
    throw sevOvvError('SEV_OVV_INVALID_MESSAGE', {
      violations: [{
        path: root.path,
        message: `the root element is <${root.name}>; a 1207 message is a <Header>`,
        messageUk: `кореневий елемент — <${root.name}>, а повідомлення формату 1207 — це <Header>`,
      }],
    });
  }
  // Order1207_1.5_v.2.2.xsd has no targetNamespace: a 1207 <Header> is in no namespace. The same
  // element name in another vocabulary (xmlns="http://example.org/…") is not this format (issue 18).
  const namespace = root.attrs.xmlns;
  if (namespace !== undefined && namespace !== '') {
    throw sevOvvError('SEV_OVV_INVALID_MESSAGE', {
      violations: [{
        path: `${root.path}/@xmlns`,
        message: `the root element is in the namespace "${namespace}"; a 1207 <Header> is in no namespace`,
        messageUk: `кореневий елемент належить до простору імен «${namespace}», а <Header> формату 1207 — до жодного`,
      }],
    });
  }
  const standart = root.attrs.standart?.trim();
  const version = root.attrs.version?.trim();
  if (standart !== STANDART || version !== VERSION) {
    throw sevOvvError('SEV_OVV_UNSUPPORTED_VERSION', {
      standart: standart ?? null,
      version: version ?? null,
      supported: { standart: STANDART, version: VERSION },
    });
  }
  const v = new Violations();
  const header = readHeader(root, v);
  const transfers: SevDocTransfer[] = [];
  const docEl = childOf(root, 'Document');
  const document = docEl ? readDocument(docEl, v, transfers) : undefined;
  const taskList = childOf(root, 'TaskList');
  const tasks = taskList ? v.some(taskList, 'Task').map((t) => readTask(t, v, transfers)) : [];
  const addDocuments = childOf(root, 'AddDocuments');
  for (const folder of addDocuments ? childrenOf(addDocuments, 'Folder') : []) {
    v.oneOf(folder, 'add_type', ['0', '1', '2', '3', '4'], true);
    for (const t of childrenOf(folder, 'DocTransfer')) transfers.push(readDocTransfer(t, v));
  }
  const expansion = childOf(root, 'Expansion');
  const signatures = expansion ? readSignatures(expansion, v) : [];
  const ackEl = childOf(root, 'Acknowledgement');
  const acknowledgement = ackEl ? readAcknowledgement(ackEl, v) : undefined;

  if ((header.msgType === 1 || header.msgType === 3) && !docEl) {
    v.add('/Header/Document', `required element is missing: msg_type ${header.msgType} carries a document`, `бракує обовʼязкового елемента: повідомлення з msg_type ${header.msgType} містить документ`);
  }
  if (header.msgType === 0 && !ackEl) {
    v.add('/Header/Acknowledgement', 'required element is missing: msg_type 0 is an acknowledgement', 'бракує обовʼязкового елемента: повідомлення з msg_type 0 є квитанцією');
  }
  checkTransfersAndSignatures(transfers, signatures, v);
  if (v.list.length) throw sevOvvError('SEV_OVV_INVALID_MESSAGE', { violations: v.list });
  return { header, document, tasks, transfers, signatures, acknowledgement };
}
