import { buffer } from 'node:stream/consumers';
import type { AttachmentResponse } from '../../src/attachments/dto/attachment.dto';
import type { DocumentCategory } from '../../src/documents/domain/document-fields';
import type {
  AddVersionDto,
  CreateDocumentDto,
  RecordReviewDto,
} from '../../src/documents/dto/document-request.dto';
import type { DocumentDetailResponse } from '../../src/documents/dto/document-response.dto';
import type { EvidenceCode } from '../../src/evidence/domain/evidence-types';
import { FormLayout } from '../../src/evidence/pdf/form-layout';
import type { DemoSession } from './api-client';
import { MANAGER } from './people';
import { type SeedContext, type SeedStep, daysFromToday } from './seed-step';

interface DemoVersion {
  label: string;
  approvedDays: number;
  approvedBy: string;
  /** Days from today of the next review; none for a document without one. */
  reviewDays?: number;
  changeNote?: string;
  /** What the file says, paragraph by paragraph. */
  content: string[];
}

interface DemoDocument {
  number: string;
  title: string;
  category: DocumentCategory;
  evidenceCode?: EvidenceCode;
  outletCode?: string;
  department: string;
  owner: string;
  /** Oldest first; the last is current. */
  versions: DemoVersion[];
  /** A periodic review of the current version, which moved its review date. */
  review?: { reviewedDays: number; nextReviewDays: number; note: string };
}

const GENERAL_MANAGER = '总经理 李明';
const SERVICE_DEPARTMENT = '售后服务部';

/**
 * 受控文件: the documents GB/T 27922 auditors ask to see. SJ-QP-8.2-02 is overdue for its yearly
 * review, the legal register was reviewed last year and is due again within the month (both mailed by
 * the expiry check), and the service manual shows a superseded first edition.
 */
export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    number: 'SJ-SC-01',
    title: '售后服务手册',
    category: 'service_manual',
    department: SERVICE_DEPARTMENT,
    owner: '王建国',
    versions: [
      {
        label: 'A/0',
        approvedDays: -420,
        approvedBy: GENERAL_MANAGER,
        reviewDays: -55,
        content: [
          '1 范围：本手册规定了公司空调、洗衣机、热水器等产品的售后服务体系、服务流程与服务规范。',
          '2 服务流程：报修受理、派工、上门、维修、回访，各环节时限按公司服务承诺执行。',
          '3 服务规范：服务人员持证上岗，着装统一，收费按易损件价目表及维修收费标准执行。',
        ],
      },
      {
        label: 'B/0',
        approvedDays: -60,
        approvedBy: GENERAL_MANAGER,
        reviewDays: 305,
        changeNote: '依据 GB/T 27922-2011 修订第 3 章服务时限与第 6 章回访要求，增加委外网点管理内容',
        content: [
          '1 范围：本手册规定了公司空调、洗衣机、热水器等产品的售后服务体系、服务流程与服务规范。',
          '2 服务流程：报修受理、派工、上门、维修、回访，各环节时限按公司服务承诺执行；维修完成后 3 日内回访。',
          '3 服务规范：服务人员持证上岗，着装统一，收费按易损件价目表及维修收费标准执行。',
          '4 委外网点：委外网点须签订服务协议，接受公司的培训、检查与年度考核。',
        ],
      },
    ],
  },
  {
    number: 'SJ-QP-7.5-01',
    title: '售后服务控制程序',
    category: 'procedure',
    department: SERVICE_DEPARTMENT,
    owner: '王建国',
    versions: [
      {
        label: 'A/1',
        approvedDays: -200,
        approvedBy: GENERAL_MANAGER,
        reviewDays: 165,
        content: [
          '1 目的：规范售后服务各环节的控制，确保服务承诺得到落实。',
          '2 职责：售后服务部负责服务过程的组织与监督，各网点负责服务的实施。',
          '3 程序：报修受理→派工→上门服务→维修记录→客户确认→回访→统计分析与改进。',
        ],
      },
    ],
  },
  {
    number: 'SJ-QP-8.2-02',
    title: '顾客投诉处理程序',
    category: 'procedure',
    department: SERVICE_DEPARTMENT,
    owner: '王建国',
    versions: [
      {
        label: 'A/0',
        approvedDays: -380,
        approvedBy: GENERAL_MANAGER,
        reviewDays: -15,
        content: [
          '1 目的：及时、公正地处理顾客投诉，持续改进服务质量。',
          '2 时限：投诉 24 小时内确认，7 日内处理完毕；重大投诉立即报告售后服务经理。',
          '3 处理：调查原因、提出处理意见、回复顾客、制定纠正措施并验证效果。',
        ],
      },
    ],
  },
  {
    number: 'SJ-FL-01',
    title: '适用法律法规及其他要求清单',
    category: 'legal_register',
    department: '质量管理部',
    owner: '王建国',
    versions: [
      {
        label: 'V2',
        approvedDays: -700,
        approvedBy: GENERAL_MANAGER,
        reviewDays: -335,
        content: [
          '《中华人民共和国消费者权益保护法》',
          '《中华人民共和国产品质量法》',
          '《中华人民共和国民法典》（合同编）',
          '《部分商品修理更换退货责任规定》',
          'GB/T 27922-2011《商品售后服务评价体系》',
        ],
      },
    ],
    review: {
      reviewedDays: -340,
      nextReviewDays: 25,
      note: '经复审，清单所列法律法规均现行有效，无新增适用要求',
    },
  },
  {
    number: 'SJ-ZZ-01',
    title: '售后服务组织机构图',
    category: 'org_chart',
    department: '行政人事部',
    owner: '王建国',
    versions: [
      {
        label: 'A/2',
        approvedDays: -90,
        approvedBy: GENERAL_MANAGER,
        reviewDays: 275,
        content: [
          '总经理 → 售后服务部（售后服务经理）',
          '售后服务部 → 客服中心（热线受理、回访）、调度组、返修组',
          '售后服务部 → 自建网点：上海浦东服务中心、上海静安服务站、上海松江服务站',
          '售后服务部 → 委外网点：苏州吴中委外网点、嘉兴南湖委外网点',
        ],
      },
    ],
  },
  {
    number: 'SJ-ZS-01',
    title: '商品售后服务评价体系认证证书（四星级）',
    category: 'certificate',
    department: '质量管理部',
    owner: '王建国',
    versions: [
      {
        label: 'A/0',
        approvedDays: -500,
        approvedBy: '认证机构',
        reviewDays: 230,
        content: [
          '依据 GB/T 27922-2011《商品售后服务评价体系》，经审核，售后服务达到四星级要求。',
          '证书有效期三年，每年接受一次监督审核。',
        ],
      },
    ],
  },
  {
    number: 'SJ-HT-WT-SZ-01',
    title: '苏州吴中委外网点售后服务委托协议',
    category: 'contract',
    outletCode: 'WT-SZ-001',
    department: SERVICE_DEPARTMENT,
    owner: '王建国',
    versions: [
      {
        label: 'FW-2025-SZ-01',
        approvedDays: -165,
        approvedBy: GENERAL_MANAGER,
        reviewDays: 170,
        content: [
          '甲方委托乙方在苏州市吴中区提供空调、洗衣机的安装、维修及保养服务。',
          '乙方服务人员须持证上岗并参加甲方组织的培训；服务时限、收费标准按甲方服务承诺执行。',
          '甲方每年对乙方进行考核，考核不合格的限期整改。',
        ],
      },
    ],
  },
  {
    number: 'SJ-CN-01',
    title: '售后服务承诺书',
    category: 'commitment',
    evidenceCode: 'service-policy',
    department: SERVICE_DEPARTMENT,
    owner: '王建国',
    versions: [
      {
        label: 'A/0',
        approvedDays: -120,
        approvedBy: GENERAL_MANAGER,
        reviewDays: 245,
        content: [
          '服务热线 7×24 小时受理，紧急报修 1 小时内响应。',
          '市区 24 小时内、郊区 48 小时内、农村 72 小时内上门服务。',
          '维修完成后 3 日内回访；投诉 24 小时内答复，7 日内处理完毕。',
        ],
      },
    ],
  },
];

/** The file of a version: one A4 page with the document's heading and its text, as a scan would read. */
async function versionPdf(
  document: DemoDocument,
  version: DemoVersion,
  context: SeedContext,
): Promise<Buffer> {
  const form = new FormLayout('zh');
  form.title(document.title, `文件编号 ${document.number}  ·  版本 ${version.label}`);
  form.fields([
    ['批准人', version.approvedBy],
    ['批准日期', daysFromToday(context, version.approvedDays)],
    ['责任部门', document.department],
    ['负责人', document.owner],
  ]);
  if (version.changeNote) {
    form.section('修订说明');
    form.text(version.changeNote);
  }
  form.section('正文');
  for (const paragraph of version.content) form.text(paragraph);
  form.finish();
  return buffer(form.doc);
}

async function addVersion(
  manager: DemoSession,
  context: SeedContext,
  document: DemoDocument,
  documentId: string,
  version: DemoVersion,
  expectedVersion: number,
): Promise<DocumentDetailResponse> {
  const file = await manager.upload<AttachmentResponse>(
    '/attachments',
    { ownerType: 'document', ownerId: documentId, purpose: 'version' },
    {
      name: `${document.title} ${version.label.replace(/\//g, '-')}.pdf`,
      contentType: 'application/pdf',
      bytes: await versionPdf(document, version, context),
    },
  );
  const body: AddVersionDto = {
    label: version.label,
    approvedOn: daysFromToday(context, version.approvedDays),
    approvedBy: version.approvedBy,
    nextReviewOn: version.reviewDays === undefined ? null : daysFromToday(context, version.reviewDays),
    changeNote: version.changeNote ?? null,
    fileAttachmentId: file.id,
    expectedVersion,
  };
  return manager.post<DocumentDetailResponse>(`/documents/${documentId}/versions`, body);
}

export const documentsStep: SeedStep = {
  title: '受控文件 controlled documents',
  async run(context) {
    const manager = await context.as(MANAGER);
    for (const document of DEMO_DOCUMENTS) {
      const created = await manager.post<DocumentDetailResponse>('/documents', {
        number: document.number,
        title: document.title,
        category: document.category,
        evidenceCode: document.evidenceCode,
        outletId: document.outletCode === undefined ? null : context.ids.get('outlet', document.outletCode),
        department: document.department,
        owner: document.owner,
      } satisfies CreateDocumentDto);
      let { version } = created;
      for (const demoVersion of document.versions) {
        ({ version } = await addVersion(manager, context, document, created.id, demoVersion, version));
      }
      if (document.review) {
        const review: RecordReviewDto = {
          reviewedOn: daysFromToday(context, document.review.reviewedDays),
          reviewedBy: '王建国',
          nextReviewOn: daysFromToday(context, document.review.nextReviewDays),
          note: document.review.note,
          expectedVersion: version,
        };
        await manager.post<DocumentDetailResponse>(`/documents/${created.id}/reviews`, review);
      }
    }
  },
};
