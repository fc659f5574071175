import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '@app/database';
import type { CreateMunicipalityDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import type { CreatePartnerOrganisationDto } from './dto/partner-organisation.dto';
import { Municipality } from './municipality.entity';
import {
  municipalityCodeTaken,
  municipalityNotFound,
  partnerNameTaken,
  unknownMunicipalityCodes,
} from './municipalities.errors';
import { PartnerOrganisation } from './partner-organisation.entity';

@Injectable()
export class MunicipalitiesService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(PartnerOrganisation) private readonly partners: Repository<PartnerOrganisation>,
  ) {}

  list(): Promise<Municipality[]> {
    return this.municipalities.find({ order: { nameLt: 'ASC' } });
  }

  async getByCode(code: string): Promise<Municipality> {
    const found = await this.municipalities.findOneBy({ code });
    if (!found) throw municipalityNotFound(code);
    return found;
  }

  /** Resolves codes to ids, failing with the offending codes named (for DTO fields that take codes). */
  async idsForCodes(codes: string[], field: string): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    const found = unique.length ? await this.municipalities.findBy({ code: In(unique) }) : [];
    const missing = unique.filter((code) => !found.some((m) => m.code === code));
    if (missing.length) throw unknownMunicipalityCodes(field, missing);
    return new Map(found.map((m) => [m.code, m.id]));
  }

  async create(dto: CreateMunicipalityDto): Promise<Municipality> {
    try {
      return await this.municipalities.save(this.municipalities.create(dto));
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw municipalityCodeTaken(dto.code);
      throw error;
    }
  }

  async update(code: string, dto: UpdateMunicipalityDto): Promise<Municipality> {
    const municipality = await this.getByCode(code);
    try {
      return await this.municipalities.save(this.municipalities.merge(municipality, dto));
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && dto.code) throw municipalityCodeTaken(dto.code);
      throw error;
    }
  }

  listPartners(): Promise<PartnerOrganisation[]> {
    return this.partners.find({ relations: { municipality: true }, order: { country: 'ASC', name: 'ASC' } });
  }

  async createPartner(dto: CreatePartnerOrganisationDto): Promise<PartnerOrganisation> {
    const municipalityId = dto.municipalityCode
      ? (await this.idsForCodes([dto.municipalityCode], 'municipalityCode')).get(dto.municipalityCode)!
      : null;
    try {
      const saved = await this.partners.save(
        this.partners.create({ name: dto.name, country: dto.country, municipalityId }),
      );
      return this.partners.findOneOrFail({ where: { id: saved.id }, relations: { municipality: true } });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw partnerNameTaken(dto.name);
      throw error;
    }
  }
}
