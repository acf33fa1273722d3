// CIM Endpoint (CIM 4.20, Splunk_SA_CIM): Ports, Processes, Services, Filesystem, Registry; five root datasets.
import { firstWordOr, numberOr, orUnknown, VENDOR_PRODUCT } from '../model/calculations.ts';
import { dataModel, dataset } from '../model/data-model-spec.ts';

/** Asset and identity fields Splunk Enterprise Security fills in; null unless the events carry them. */
const ASSET_FIELDS =
  'dest_bunit dest_category dest_priority dest_requires_av dest_should_timesync dest_should_update user_bunit user_category user_priority';

export const ENDPOINT = dataModel('Endpoint', [
  dataset('Ports', {
    constraint: 'tag=listening tag=port',
    fields: `creation_time process_guid process_id src_bunit src_category src_priority src_requires_av src_should_timesync src_should_update state tag ${ASSET_FIELDS}`,
    // The CIM base search also splits multivalue transport/port pairs into one event each
    // (mvexpand); spelunk keeps one row with the multivalue pair list.
    calculated: {
      transport: orUnknown('transport'),
      dest_port: 'if(isnull(dest_port) OR dest_port="", 0, dest_port)',
      transport_dest_port: 'mvzip(transport, dest_port, "/")',
      src: orUnknown('src'),
      src_port: numberOr('src_port', '0'),
      dest: orUnknown('dest'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
  }),
  dataset('Processes', {
    constraint: 'tag=process tag=report',
    fields: `action cpu_load_percent dest_is_expected mem_used os parent_process_exec parent_process_id parent_process_guid parent_process_path process_current_directory process_exec process_hash process_guid process_id process_path tag user_id ${ASSET_FIELDS}`,
    calculated: {
      process_integrity_level: 'lower(process_integrity_level)',
      dest: orUnknown('dest'),
      original_file_name: orUnknown('original_file_name'),
      parent_process: orUnknown('parent_process'),
      parent_process_name: firstWordOr('parent_process_name', 'parent_process'),
      process: orUnknown('process'),
      process_name: firstWordOr('process_name', 'process'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
  }),
  dataset('Services', {
    constraint: 'tag=service tag=report',
    fields: `description dest_is_expected process_guid process_id service_dll service_dll_path service_dll_hash service_dll_signature_exists service_dll_signature_verified service_exec service_hash service_path service_signature_exists service_signature_verified tag ${ASSET_FIELDS}`,
    calculated: {
      dest: orUnknown('dest'),
      service: orUnknown('service'),
      service_name: orUnknown('service_name'),
      service_id: orUnknown('service_id'),
      start_mode: orUnknown('start_mode'),
      status: orUnknown('status'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
  }),
  dataset('Filesystem', {
    constraint: 'tag=endpoint tag=filesystem',
    fields: `file_access_time file_create_time file_modify_time process_guid process_id tag ${ASSET_FIELDS}`,
    calculated: {
      action: orUnknown('action'),
      dest: orUnknown('dest'),
      file_hash: orUnknown('file_hash'),
      file_name: orUnknown('file_name'),
      file_path: orUnknown('file_path'),
      file_acl: orUnknown('file_acl'),
      file_size: numberOr('file_size', 'null()'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
  }),
  dataset('Registry', {
    constraint: 'tag=endpoint tag=registry',
    fields: `process_guid process_id registry_hive registry_value_text status tag ${ASSET_FIELDS}`,
    calculated: {
      action: orUnknown('action'),
      dest: orUnknown('dest'),
      registry_path: orUnknown('registry_path'),
      registry_key_name: orUnknown('registry_key_name'),
      registry_value_data: orUnknown('registry_value_data'),
      registry_value_name: orUnknown('registry_value_name'),
      registry_value_type: orUnknown('registry_value_type'),
      user: orUnknown('user'),
      vendor_product: VENDOR_PRODUCT,
    },
  }),
]);
