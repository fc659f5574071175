export * from './municipality.entity';
export * from './partner-organisation.entity';
export * from './municipalities.service';
export * from './municipalities.module';
export * from './dto/municipality.dto';
export * from './dto/partner-organisation.dto';
